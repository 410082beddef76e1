package io.videoserver.stream.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.stream.StreamIntegrationTest;
import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.mp4.TestMp4;
import io.videoserver.stream.store.VideoStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full-disk scenario, for each store: the staging directory, which receives every
 * upload and holds the tus uploads, is a {@link SmallDisk} of the subclass's, filled to
 * 64 KiB free. A form upload, a raw PUT, a tus creation and a tus PATCH that find no
 * space answer 507/013 with {@code Retry-After} at once (before a byte is read when the
 * size is declared, at the first write that fails otherwise), leave no partial file, the
 * stored video keeps playing, readiness stays UP, and the same uploads succeed once the
 * space is back. (This cannot extend {@code StreamIntegrationTest}, whose
 * {@code video.dir} would win over the local store's disk.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.upload.max-size=2MB" })
@Import(TestDatabase.class)
abstract class FullDiskTest {

	private static final int FREE_DURING_FAULT = 64 * 1024;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected StreamProperties properties;

	@Autowired
	private VideoStore videos;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private S3Settings bucket;

	/** The disk mounted as the staging directory. */
	protected abstract SmallDisk disk();

	/** The video's bytes in the store under test. */
	protected abstract byte[] storedFile(String vid) throws IOException;

	@Test
	void uploadsThatFindNoSpaceAnswer507AtOnceAndSucceedOnceSpaceIsBack() throws Exception {
		assertThat(this.videos.staging().toAbsolutePath().normalize()).as("the staging directory")
			.isEqualTo(disk().dir());
		Owner owner = seedOwner("full");
		byte[] existing = mp4(64 * 1024, 1);
		assertThat(send(put(owner, existing).build()).statusCode()).isEqualTo(201);
		assertThat(storedFile(owner.vid())).isEqualTo(existing);
		Owner tusOwner = seedOwner("fulltus");
		byte[] video = mp4(300_000, 2);
		String tus = create(tusOwner, video.length).headers().firstValue("Location").orElseThrow();
		Path tusBytes = disk().dir().resolve(".tus").resolve(tus.substring(tus.lastIndexOf('/') + 1) + ".bin");
		assertThat(tusBytes).as("the tus upload's bytes, on the staging disk").exists();
		Owner formOwner = seedOwner("fullform");

		Path filler = disk().fill(FREE_DURING_FAULT);
		double received = received();
		long longest = longestRefusal(put(owner, video).build(), form(formOwner, video).build(),
				creation(formOwner, video.length), patch(tusOwner, tus, BodyPublishers.ofByteArray(video)).build());
		assertThat(received()).as("bytes read of uploads whose declared size does not fit").isEqualTo(received);
		// sizes not declared (chunked): the write that finds the disk full ends them
		longest = Math.max(longest, longestRefusal(put(owner, video).PUT(chunked(video)).build(),
				patch(tusOwner, tus, chunked(video)).build()));

		assertThat(disk().leftovers()).as("partial files").isEmpty();
		assertThat(Files.size(tusBytes)).as("the tus upload's bytes").isZero();
		assertThat(send(
				tus(tusOwner, HttpRequest.newBuilder(URI.create(tus))).method("HEAD", BodyPublishers.noBody()).build())
			.headers()
			.firstValue("Upload-Offset")).as("the tus upload's offset").hasValue("0");
		assertThat(disk().usableSpace()).as("space given back by the failed writes")
			.isGreaterThanOrEqualTo(FREE_DURING_FAULT - 4096);
		HttpResponse<byte[]> played = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/videos/" + owner.vid())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(played.statusCode()).isEqualTo(200);
		assertThat(played.body()).isEqualTo(existing);
		assertThat(send(HttpRequest.newBuilder(managementUri("/actuator/health/readiness")).build()).statusCode())
			.as("readiness while the disk is full")
			.isEqualTo(200);

		Files.delete(filler);
		long started = System.nanoTime();
		assertThat(send(put(owner, video).build()).statusCode()).isEqualTo(201);
		long recovered = System.nanoTime() - started;
		assertThat(storedFile(owner.vid())).isEqualTo(video);
		assertThat(send(patch(tusOwner, tus, BodyPublishers.ofByteArray(video)).build()).statusCode()).isEqualTo(204);
		assertThat(storedFile(tusOwner.vid())).isEqualTo(video);
		assertThat(send(form(formOwner, video).build()).statusCode()).isEqualTo(201);
		assertThat(storedFile(formOwner.vid())).isEqualTo(video);
		assertThat(disk().leftovers()).isEmpty();
		assertThat(StreamIntegrationTest.consistency(this.jdbc, this.properties, this.bucket).findings())
			.as("the consistency check's findings")
			.isEmpty();
		System.out.printf("%s: longest 507 answer %d ms, first upload after the space returned %d ms%n",
				getClass().getSimpleName(), longest / 1_000_000, recovered / 1_000_000);
	}

	/** The bytes of video files the service has read, whatever became of them. */
	private double received() {
		return this.meters.get("video.upload.received").counter().count();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private URI managementUri(String path) {
		return URI.create("http://127.0.0.1:" + this.managementPort + path);
	}

	/**
	 * Each request on a connection of its own: a refused upload's connection is closed by
	 * the server (nothing of the body is drained), and a client that reused it would
	 * fail.
	 */
	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder put(Owner owner, byte[] body) {
		return HttpRequest.newBuilder(uri("/videos/" + owner.vid()))
			.header("X-Session-Id", owner.session())
			.header("X-User-Name", owner.user())
			.PUT(BodyPublishers.ofByteArray(body));
	}

	/** A body sent without {@code Content-Length}. */
	private static HttpRequest.BodyPublisher chunked(byte[] body) {
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

	private HttpRequest.Builder form(Owner owner, byte[] file) {
		return new UploadForm().file("file", "clip.mp4", "video/mp4", file)
			.post(uri("/upload/" + owner.vid()), owner.session(), owner.user());
	}

	private HttpResponse<String> create(Owner owner, long length) throws IOException, InterruptedException {
		return send(creation(owner, length));
	}

	private HttpRequest creation(Owner owner, long length) {
		return tus(owner, HttpRequest.newBuilder(uri("/tus/videos/" + owner.vid())))
			.header("Upload-Length", Long.toString(length))
			.POST(BodyPublishers.noBody())
			.build();
	}

	/**
	 * Sends each upload, expects 507/013 for each, and returns the longest answer's time.
	 */
	private static long longestRefusal(HttpRequest... uploads) throws IOException, InterruptedException {
		long longest = 0;
		for (HttpRequest upload : uploads) {
			long started = System.nanoTime();
			assertInsufficientStorage(send(upload));
			longest = Math.max(longest, System.nanoTime() - started);
		}
		return longest;
	}

	private static HttpRequest.Builder patch(Owner owner, String location, HttpRequest.BodyPublisher body) {
		return tus(owner, HttpRequest.newBuilder(URI.create(location)))
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "0")
			.method("PATCH", body);
	}

	private static HttpRequest.Builder tus(Owner owner, HttpRequest.Builder request) {
		return request.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", owner.session())
			.header("X-User-Name", owner.user());
	}

	private static void assertInsufficientStorage(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(507);
		assertThat(response.body()).contains("\"error_code\":\"013\"").contains("disk is full");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	private static byte[] mp4(int size, long seed) {
		return TestMp4.ofSize(size, seed);
	}

	/**
	 * A user with a live session and a video row without a file, as api-service makes
	 * them.
	 */
	private Owner seedOwner(String prefix) {
		String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO users (login_name, pwd) VALUES (:name, 'x')").param("name", user).update();
		long id = this.jdbc.sql("SELECT id FROM users WHERE login_name = :name")
			.param("name", user)
			.query(Long.class)
			.single();
		String session = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO sessions (session_id, login_name, expires_at) "
					+ "VALUES (:id, :name, NOW(3) + INTERVAL 30 MINUTE)")
			.param("id", session)
			.param("name", user)
			.update();
		String vid = VideoIds.newId();
		this.jdbc
			.sql("INSERT INTO video_info (id, author_id, name, display_ctime) VALUES (:id, :author, 'clip', 'now')")
			.param("id", vid)
			.param("author", id)
			.update();
		return new Owner(user, session, vid);
	}

	private record Owner(String user, String session, String vid) {
	}

}
