package io.videoserver.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.videoserver.shared.tests3.TestS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The whole site with {@code VIDEO_STORE=s3} from a clean start, as an operator runs it
 * (api, stream and scheduler services from their jars, configured by environment
 * variables) against a real S3 API on loopback: upload, playback with seeking ranges,
 * delete, and the scheduler removing the object; over HTTP, and once in the browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3SiteTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final Pattern ID = Pattern.compile("\"(?:id|session_id)\"\\s*:\\s*\"([^\"]+)\"");

	@TempDir
	static Path work;

	private final TestS3 s3 = TestS3.get();

	private final String bucket = this.s3.createBucket();

	private Site site;

	@BeforeAll
	void startSite() throws Exception {
		this.site = Site.start(work, this.s3.environment(this.bucket));
		this.site.startScheduler();
	}

	@AfterAll
	void stopSite() throws Exception {
		if (this.site != null) {
			this.site.close();
		}
	}

	@Test
	void uploadPlaybackWithRangesAndDeletionGoThroughTheBucket() throws Exception {
		byte[] clip;
		try (InputStream in = S3SiteTests.class.getResourceAsStream("/clip.mp4")) {
			clip = in.readAllBytes();
		}
		String name = "s3-" + UUID.randomUUID().toString().substring(0, 8);
		String session = id(send(
				api("/user").POST(body("{\"user_name\":\"" + name + "\",\"pwd\":\"" + WebUiTests.PASSWORD + "\"}")),
				201));
		String vid = id(send(api("/user/" + name + "/videos").header("X-Session-Id", session)
			.header("X-User-Name", name)
			.POST(body("{\"name\":\"In the bucket\"}")), 201));

		send(stream("/videos/" + vid).header("X-Session-Id", session)
			.header("X-User-Name", name)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(clip)), 201);
		byte[] stored = object(vid);
		assertThat(stored).hasSize(clip.length);

		HttpResponse<byte[]> head = bytes(stream("/videos/" + vid).header("Range", "bytes=0-1023"));
		assertThat(head.statusCode()).isEqualTo(206);
		assertThat(head.body()).isEqualTo(Arrays.copyOfRange(stored, 0, 1024));
		HttpResponse<byte[]> seek = bytes(stream("/videos/" + vid).header("Range", "bytes=30000-"));
		assertThat(seek.statusCode()).isEqualTo(206);
		assertThat(seek.headers().firstValue("Content-Range"))
			.hasValue("bytes 30000-" + (stored.length - 1) + "/" + stored.length);
		assertThat(seek.body()).isEqualTo(Arrays.copyOfRange(stored, 30000, stored.length));
		String etag = head.headers().firstValue("ETag").orElseThrow();
		assertThat(bytes(stream("/videos/" + vid).header("If-None-Match", etag)).statusCode()).isEqualTo(304);

		send(api("/user/" + name + "/videos/" + vid).header("X-Session-Id", session)
			.header("X-User-Name", name)
			.DELETE(), 204);
		awaitRemoved(vid);
		assertThat(bytes(stream("/videos/" + vid)).statusCode()).isEqualTo(404);
		// Nothing staged is left; only the running stream-service's own lock (".owners",
		// which marks its staged files as a live process's) stays.
		try (Stream<Path> staged = Files.list(work.resolve("videos"))) {
			assertThat(staged.map((path) -> path.getFileName().toString())).containsOnly(".owners");
		}
		try (Stream<Path> owners = Files.list(work.resolve("videos").resolve(".owners"))) {
			assertThat(owners).allSatisfy((lock) -> assertThat(lock.getFileName().toString()).endsWith(".lock"));
		}
	}

	@Test
	@Tag("browser")
	void aPersonUploadsWatchesSeeksAndDeletesInTheBrowser() throws Exception {
		Path file = work.resolve("Harbour in the bucket.mp4");
		try (InputStream in = S3SiteTests.class.getResourceAsStream("/clip.mp4")) {
			Files.copy(in, file);
		}
		try (Browser browser = Browser.start()) {
			browser.open(this.site.url() + "/#/");
			browser.signUp("s3-viewer-" + ProcessHandle.current().pid());
			String vid = browser.uploadAndWatch(file);
			assertThat(exists(vid)).as("the object of " + vid).isTrue();
			Map<?, ?> played = browser.play();
			assertThat(played.get("ok")).as("playback: %s", played).isEqualTo(true);
			Map<?, ?> sought = browser.seek(7);
			assertThat(((Number) sought.get("time")).doubleValue()).as("after seeking: %s", sought).isBetween(6.9, 8.0);
			browser.screenshot("s3-watch");
			browser.find("#delete-video").click();
			browser.find("#confirm-delete").click();
			browser.waitForText("You have not uploaded any videos yet");
			awaitRemoved(vid);
		}
	}

	private void awaitRemoved(String vid) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (exists(vid) || this.site.queuedForDeletion(vid)) {
			if (System.nanoTime() > deadline) {
				fail("The scheduler did not remove the object " + vid);
			}
			Thread.sleep(100);
		}
	}

	private HttpRequest.Builder api(String path) {
		return HttpRequest.newBuilder(URI.create(this.site.url() + path)).header("Content-Type", "application/json");
	}

	private HttpRequest.Builder stream(String path) {
		return HttpRequest.newBuilder(URI.create(this.site.streamUrl() + path));
	}

	private static HttpRequest.BodyPublisher body(String json) {
		return HttpRequest.BodyPublishers.ofString(json);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, int status) throws Exception {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s: %s", request.build().uri(), response.body()).isEqualTo(status);
		return response;
	}

	private static HttpResponse<byte[]> bytes(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String id(HttpResponse<String> response) {
		Matcher matcher = ID.matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return matcher.group(1);
	}

	private byte[] object(String key) {
		try (S3Client client = this.s3.client()) {
			return client.getObjectAsBytes((request) -> request.bucket(this.bucket).key(key)).asByteArray();
		}
	}

	private boolean exists(String key) {
		try (S3Client client = this.s3.client()) {
			return client.listObjectsV2((request) -> request.bucket(this.bucket).prefix(key)).keyCount() > 0;
		}
	}

}
