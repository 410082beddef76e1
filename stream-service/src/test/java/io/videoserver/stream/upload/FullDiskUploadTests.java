package io.videoserver.stream.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.consistency.ConsistencyChecker;
import io.videoserver.shared.consistency.ConsistencyReport;
import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.mp4.TestMp4;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk under the video directory, which is the staging directory and holds the tus
 * uploads too: a 2 MiB tmpfs this test mounts (it needs root, as CI has). A form upload,
 * a raw PUT and a tus PATCH that find no space answer 507/013 with {@code Retry-After} at
 * once (before a byte is read when the size is declared, at the first write that fails
 * otherwise), leave no partial file, the stored video keeps playing, readiness stays UP,
 * and the same uploads succeed once the space is back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.upload.max-size=2MB" })
@Import(TestDatabase.class)
class FullDiskUploadTests {

	private static final Path DISK = mountSmallDisk();

	private static final int FREE_DURING_FAULT = 64 * 1024;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StreamProperties properties;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void smallDisk(DynamicPropertyRegistry registry) {
		registry.add("video.dir", DISK::toString);
	}

	@AfterAll
	static void unmount() throws Exception {
		run("umount", "-l", DISK.toString());
	}

	@Test
	void uploadsThatFindNoSpaceAnswer507AtOnceAndSucceedOnceSpaceIsBack() throws Exception {
		assertThat(this.properties.dir().toAbsolutePath().normalize()).isEqualTo(DISK);
		Owner owner = seedOwner("full");
		byte[] existing = mp4(64 * 1024, 1);
		assertThat(send(put(owner.vid(), existing, owner.session(), owner.user()).build()).statusCode()).isEqualTo(201);
		Owner tusOwner = seedOwner("fulltus");
		byte[] video = mp4(300_000, 2);
		String tus = send(tus(tusOwner, HttpRequest.newBuilder(uri("/tus/videos/" + tusOwner.vid())))
			.header("Upload-Length", Long.toString(video.length))
			.POST(BodyPublishers.noBody())
			.build()).headers().firstValue("Location").orElseThrow();

		Path filler = fill(DISK, FREE_DURING_FAULT);
		long longest = 0;
		// declared sizes beyond the free space: refused before a byte is read
		long started = System.nanoTime();
		assertInsufficientStorage(send(put(owner.vid(), video, owner.session(), owner.user()).build()));
		assertInsufficientStorage(send(form(owner, video).build()));
		assertInsufficientStorage(send(patch(tusOwner, tus, 0, BodyPublishers.ofByteArray(video)).build()));
		longest = Math.max(longest, (System.nanoTime() - started) / 3);
		// sizes not declared (chunked): the write that finds the disk full ends them
		started = System.nanoTime();
		assertInsufficientStorage(send(put(owner.vid(), video, owner.session(), owner.user())
			.PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(video)))
			.build()));
		longest = Math.max(longest, System.nanoTime() - started);
		started = System.nanoTime();
		assertInsufficientStorage(send(
				patch(tusOwner, tus, 0, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(video))).build()));
		longest = Math.max(longest, System.nanoTime() - started);

		assertThat(leftovers()).as("partial files").isEmpty();
		assertThat(Files.size(DISK.resolve(".tus").resolve(tus.substring(tus.lastIndexOf('/') + 1) + ".bin")))
			.as("the tus upload's offset")
			.isZero();
		assertThat(Files.getFileStore(DISK).getUsableSpace()).as("space given back by the failed writes")
			.isGreaterThanOrEqualTo(FREE_DURING_FAULT - 4096);
		HttpResponse<byte[]> played = this.http.send(HttpRequest.newBuilder(uri("/videos/" + owner.vid())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(played.statusCode()).isEqualTo(200);
		assertThat(played.body()).isEqualTo(existing);
		assertThat(send(HttpRequest.newBuilder(managementUri("/actuator/health/readiness")).build()).statusCode())
			.as("readiness while the disk is full")
			.isEqualTo(200);

		Files.delete(filler);
		started = System.nanoTime();
		assertThat(send(put(owner.vid(), video, owner.session(), owner.user()).build()).statusCode()).isEqualTo(201);
		long recovered = System.nanoTime() - started;
		assertThat(storedFile(owner.vid())).isEqualTo(video);
		HttpResponse<String> resumed = send(patch(tusOwner, tus, 0, BodyPublishers.ofByteArray(video)).build());
		assertThat(resumed.statusCode()).isEqualTo(204);
		assertThat(storedFile(tusOwner.vid())).isEqualTo(video);
		Owner formOwner = seedOwner("fullform");
		assertThat(send(form(formOwner, video).build()).statusCode()).isEqualTo(201);
		assertThat(leftovers()).isEmpty();
		assertThat(consistency().findings()).as("the consistency check's findings").isEmpty();
		System.out.printf("Full disk: longest 507 answer %d ms, first upload after the space returned %d ms%n",
				longest / 1_000_000, recovered / 1_000_000);
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
	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder put(String vid, byte[] body, String session, String user) {
		return HttpRequest.newBuilder(uri("/videos/" + vid))
			.header("X-Session-Id", session)
			.header("X-User-Name", user)
			.PUT(BodyPublishers.ofByteArray(body));
	}

	private static byte[] storedFile(String vid) throws IOException {
		return Files.readAllBytes(DISK.resolve(vid));
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

	private static void assertInsufficientStorage(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(507);
		assertThat(response.body()).contains("\"error_code\":\"013\"").contains("disk is full");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	private HttpRequest.Builder tus(Owner owner, HttpRequest.Builder request) {
		return request.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", owner.session())
			.header("X-User-Name", owner.user());
	}

	private HttpRequest.Builder patch(Owner owner, String location, long offset, HttpRequest.BodyPublisher body) {
		return tus(owner, HttpRequest.newBuilder(URI.create(location)))
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", Long.toString(offset))
			.method("PATCH", body);
	}

	private HttpRequest.Builder form(Owner owner, byte[] file) {
		return new UploadForm().file("file", "clip.mp4", "video/mp4", file)
			.post(uri("/upload/" + owner.vid()), owner.session(), owner.user());
	}

	/**
	 * The consistency check over this class's own disk and database, everything counted
	 * however young. (This class cannot extend {@code StreamIntegrationTest}, whose
	 * {@code video.dir} would win over the disk's.)
	 */
	private ConsistencyReport consistency() throws IOException {
		return ConsistencyChecker.ofDirectory(this.jdbc, DISK, Duration.ZERO, this.properties.upload().expireAfter())
			.check();
	}

	/** Staging files and tus temporaries left behind; the tus upload's own files stay. */
	private static java.util.List<Path> leftovers() throws IOException {
		try (Stream<Path> files = Files.walk(DISK)) {
			return files
				.filter((file) -> file.getFileName().toString().endsWith(".part")
						|| file.getFileName().toString().endsWith(".tmp"))
				.toList();
		}
	}

	/** Fills the file system until about {@code free} bytes are left. */
	private static Path fill(Path dir, long free) throws IOException {
		Path filler = dir.resolve("filler");
		byte[] block = new byte[4096];
		try (OutputStream out = Files.newOutputStream(filler)) {
			while (Files.getFileStore(dir).getUsableSpace() > free) {
				out.write(block);
				out.flush();
			}
		}
		return filler;
	}

	private static Path mountSmallDisk() {
		try {
			Path dir = Files.createTempDirectory("full-disk").toRealPath();
			String user = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
					StandardCharsets.US_ASCII)
				.trim();
			if (!"0".equals(user)) {
				throw new IllegalStateException(
						"FullDiskUploadTests needs root to mount a small tmpfs (CI runs as root); uid is " + user);
			}
			run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString());
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

}
