package io.videoserver.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.consistency.ConsistencyChecker;
import io.videoserver.shared.consistency.ConsistencyReport;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.StoreKind;
import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.tests3.TestS3;
import io.videoserver.stream.mp4.TestMp4;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.fail;

/**
 * The one real-port context that the stream-service's HTTP tests share: a fresh database,
 * a temporary video directory, no rate limit, and helpers to seed what api-service would
 * have created and to look into the video store under test (the local directory, or the
 * test S3 server's bucket for a subclass marked {@link S3Store}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.upload.max-size=2MB" })
@Import(TestDatabase.class)
public abstract class StreamIntegrationTest {

	protected static final Path VIDEO_DIR = createTempDirectory("videos");

	protected static final long MAX_UPLOAD = 2 * 1024 * 1024;

	@LocalServerPort
	protected int port;

	/** The Actuator's port: health and metrics. */
	@LocalManagementPort
	protected int managementPort;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	private StreamProperties properties;

	@Autowired
	private S3Settings bucket;

	protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void videoDir(DynamicPropertyRegistry registry) {
		registry.add("video.dir", VIDEO_DIR::toString);
	}

	protected URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	protected URI managementUri(String path) {
		return URI.create("http://127.0.0.1:" + this.managementPort + path);
	}

	/**
	 * A raw-body upload ({@code PUT /videos/{vid}}) signed with the original's headers.
	 */
	protected HttpRequest.Builder put(String vid, byte[] body, String session, String user) {
		return HttpRequest.newBuilder(uri("/videos/" + vid))
			.header("X-Session-Id", session)
			.header("X-User-Name", user)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body));
	}

	protected HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A user as api-service registers one; returns its id. */
	protected long createUser(String name) {
		this.jdbc.sql("INSERT INTO users (login_name, pwd) VALUES (:name, 'x')").param("name", name).update();
		return this.jdbc.sql("SELECT id FROM users WHERE login_name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	/** A user with a quota of their own ({@code users.quota_bytes}); returns its id. */
	protected long createUser(String name, long quotaBytes) {
		long id = createUser(name);
		this.jdbc.sql("UPDATE users SET quota_bytes = :quota WHERE id = :id")
			.param("quota", quotaBytes)
			.param("id", id)
			.update();
		return id;
	}

	/** A live session of the user, as api-service creates one at log-in. */
	protected String createSession(String name, boolean expired) {
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO sessions (session_id, login_name, expires_at) VALUES (:id, :name, "
					+ (expired ? "NOW(3) - INTERVAL 1 MINUTE" : "NOW(3) + INTERVAL 30 MINUTE") + ")")
			.param("id", id)
			.param("name", name)
			.update();
		return id;
	}

	/** A video row without a file, as {@code POST /user/{name}/videos} creates one. */
	protected String createVideo(long authorId) {
		String vid = VideoIds.newId();
		this.jdbc
			.sql("INSERT INTO video_info (id, author_id, name, display_ctime) VALUES (:id, :author, 'clip', 'now')")
			.param("id", vid)
			.param("author", authorId)
			.update();
		return vid;
	}

	/**
	 * A new user with a live session and a video of theirs: where most upload tests
	 * start.
	 */
	protected Owner seedOwner(String prefix) {
		String user = uniqueName(prefix);
		String vid = createVideo(createUser(user));
		return new Owner(user, createSession(user, false), vid);
	}

	/** A user, their session id and a video of theirs without a file yet. */
	protected record Owner(String user, String session, String vid) {
	}

	protected static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A valid MP4 of exactly {@code size} bytes (1 KB at least), moov first so that it is
	 * stored unchanged, its media random from {@code seed}.
	 */
	protected static byte[] mp4(int size, long seed) {
		return TestMp4.ofSize(size, seed);
	}

	/** Waits for something the server does after the client has gone. */
	protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out waiting until " + what);
			}
			Thread.sleep(20);
		}
	}

	/** Whether the store under test holds a file for the video. */
	protected boolean isStored(String vid) {
		if (!s3()) {
			return Files.exists(this.properties.dir().resolve(vid));
		}
		try (S3Client client = TestS3.get().client()) {
			client.headObject((request) -> request.bucket(bucket()).key(vid));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	/** The video's bytes in the store under test. */
	protected byte[] storedFile(String vid) throws IOException {
		if (!s3()) {
			return Files.readAllBytes(this.properties.dir().resolve(vid));
		}
		try (S3Client client = TestS3.get().client()) {
			return client.getObjectAsBytes((request) -> request.bucket(bucket()).key(vid)).asByteArray();
		}
	}

	/**
	 * Puts bytes under a name into the store under test directly, as an earlier upload
	 * (or an intruder) would have left them.
	 */
	protected void storeFile(String name, byte[] content) throws IOException {
		if (!s3()) {
			Path file = this.properties.dir().resolve(name);
			Files.createDirectories(file.getParent());
			Files.write(file, content);
			return;
		}
		try (S3Client client = TestS3.get().client()) {
			client.putObject((request) -> request.bucket(bucket()).key(name), RequestBody.fromBytes(content));
		}
	}

	/** Multipart uploads begun and neither completed nor aborted; always 0 locally. */
	protected long unfinishedUploads() {
		if (!s3()) {
			return 0;
		}
		try (S3Client client = TestS3.get().client()) {
			return client.listMultipartUploads((request) -> request.bucket(bucket())).uploads().size();
		}
	}

	/** Whether the store under test is the S3 bucket (else the local directory). */
	protected boolean s3() {
		return this.properties.store() == StoreKind.S3;
	}

	private String bucket() {
		return this.bucket.bucket();
	}

	/**
	 * The {@code .part} files in this context's staging directory (the video directory
	 * unless an S3 class names its own).
	 */
	protected long partFiles() {
		try (var files = Files.list(stagingDir(this.properties))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".part")).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path stagingDir(StreamProperties properties) {
		String staging = properties.s3().stagingDir();
		return staging.isBlank() ? properties.dir() : Path.of(staging);
	}

	/**
	 * The consistency check over this context's database and store (its bucket, and its
	 * staging directory), everything counted however young: what a fault scenario ends
	 * with, expecting no findings. Only for a class with a store of its own: the shared
	 * video directory holds other classes' files.
	 */
	protected ConsistencyReport consistency() throws IOException {
		Path staging = stagingDir(this.properties).toAbsolutePath().normalize();
		if (staging.equals(VIDEO_DIR.toAbsolutePath().normalize())) {
			throw new IllegalStateException("The video directory is shared with other test classes; "
					+ "check a bucket with a staging directory of its own (s3BehindProxy)");
		}
		return consistency(this.jdbc, this.properties, this.bucket);
	}

	/**
	 * The consistency check over a context's database and store: its video directory, or
	 * its bucket on the test S3 server with its staging directory; everything counted
	 * however young. Public for a class that cannot extend this one.
	 */
	public static ConsistencyReport consistency(JdbcClient jdbc, StreamProperties properties, S3Settings bucket)
			throws IOException {
		Duration expireAfter = properties.upload().expireAfter();
		if (properties.store() != StoreKind.S3) {
			return ConsistencyChecker.ofDirectory(jdbc, properties.dir(), Duration.ZERO, expireAfter).check();
		}
		try (S3Client client = TestS3.get().client()) {
			return ConsistencyChecker.ofBucket(jdbc, client, bucket, stagingDir(properties), Duration.ZERO, expireAfter)
				.check();
		}
	}

	/**
	 * Points a context at a bucket of its own on the test S3 server, reached through a
	 * proxy that slows or fails it, and at a staging directory of its own: its server may
	 * still be publishing after its test has returned, and its {@code .part} files must
	 * never be counted by another class sharing the video directory.
	 */
	protected static void s3BehindProxy(DynamicPropertyRegistry registry, URI proxy) {
		s3Store(registry, proxy, createTempDirectory("staging"));
	}

	/**
	 * Points a context at a bucket of its own on the test S3 server (or a proxy in front
	 * of it) and at the given staging directory: public for a class that cannot extend
	 * this one, as one whose {@code video.dir} must be its own.
	 * @param endpoint the test S3 server's endpoint, or a proxy's
	 * @param staging a directory that no other class uses
	 */
	public static void s3Store(DynamicPropertyRegistry registry, URI endpoint, Path staging) {
		registry.add("video.store", () -> "s3");
		registry.add("video.s3.staging-dir", staging::toString);
		registry.add("video.s3.endpoint", endpoint::toString);
		registry.add("video.s3.region", () -> TestS3.REGION);
		// made once here: a supplier is asked again whenever the property is resolved
		String bucket = TestS3.get().createBucket();
		registry.add("video.s3.bucket", () -> bucket);
		registry.add("video.s3.path-style", () -> "true");
		registry.add("video.s3.access-key", () -> TestS3.ACCESS_KEY);
		registry.add("video.s3.secret-key", () -> TestS3.SECRET_KEY);
	}

	private static Path createTempDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
