package io.videoserver.stream.limit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.testhttp.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import static org.assertj.core.api.Assertions.fail;

/**
 * The limiter on a real server: clients that hold streams open, clients that break off,
 * and the full limit usable again afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.stream.max-connections=" + ConnectionLimiterIntegrationTests.LIMIT,
				"video.rate-limit.requests-per-second=0" })
@Import(TestDatabase.class)
class ConnectionLimiterIntegrationTests {

	static final int LIMIT = 4;

	private static final String VID = VideoIds.newId();

	@TempDir
	static Path dir;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private ConnectionLimiter limiter;

	@Autowired
	private JdbcClient jdbc;

	private final List<Socket> open = new ArrayList<>();

	@DynamicPropertySource
	static void videoDir(DynamicPropertyRegistry registry) {
		registry.add("video.dir", () -> dir.toString());
	}

	@BeforeAll
	static void sparseVideo() throws IOException {
		HeldStreams.createVideo(dir, VID);
	}

	@AfterEach
	void closeAll() throws Exception {
		for (Socket socket : this.open) {
			RawHttp.abort(socket);
		}
		this.open.clear();
		awaitAllReleased();
	}

	@Test
	void requestOverTheLimitGets429AtOnceWithRetryAfter() throws Exception {
		for (int i = 0; i < LIMIT; i++) {
			holdStream();
		}
		assertThat(this.limiter.inUse()).isEqualTo(LIMIT);
		long rejectedBefore = this.limiter.rejectedCount();
		RawHttp.Response refused = RawHttp.exchange(this.port, "GET", "/videos/" + VID);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.text()).contains("Retry-After: 1").endsWith("\"error_code\":\"010\"}");
		assertThat(this.limiter.rejectedCount()).isEqualTo(rejectedBefore + 1);
		assertThat(RawHttp.exchange(this.port, "HEAD", "/videos/" + VID).status())
			.as("HEAD streams nothing and is not limited")
			.isEqualTo(200);
	}

	@Test
	void everyPermitComesBackAfterManyAbortsAndTheFullLimitWorksAgain() throws Exception {
		long zeroCopyBefore = zeroCopyBodies();
		for (int round = 0; round < 15; round++) {
			List<Socket> clients = new ArrayList<>();
			for (int i = 0; i < LIMIT; i++) {
				clients.add((round % 3 == 2) ? startUpload() : holdStream());
			}
			assertThat(RawHttp.exchange(this.port, "GET", "/videos/" + VID).status()).isEqualTo(429);
			for (Socket client : clients) {
				RawHttp.abort(client);
			}
			this.open.removeAll(clients);
			awaitAllReleased();
		}
		assertThat(zeroCopyBodies()).as("the streams that were aborted went through zero copy")
			.isEqualTo(zeroCopyBefore + 10 * LIMIT);
		for (int i = 0; i < LIMIT; i++) {
			holdStream();
		}
		assertThat(this.limiter.inUse()).isEqualTo(LIMIT);
		assertThat(RawHttp.exchange(this.port, "GET", "/videos/" + VID).status()).isEqualTo(429);
	}

	@Test
	void zeroCopyStreamHoldsItsPermitUntilTheLastByteAndGivesItBackOnce() throws Exception {
		long zeroCopyBefore = zeroCopyBodies();
		Socket socket = RawHttp.open(this.port);
		this.open.add(socket);
		long length = 64L * 1024 * 1024;
		socket.getOutputStream()
			.write(("GET /videos/" + VID + " HTTP/1.1\r\nHost: x\r\nRange: bytes=1000-" + (1000 + length - 1)
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
		InputStream in = socket.getInputStream();
		assertThat(RawHttp.readHead(in)).startsWith("HTTP/1.1 206").contains("Content-Length: " + length);
		assertThat(this.limiter.inUse()).as("held while the client has not read the body").isEqualTo(1);
		in.skipNBytes(length);
		awaitAllReleased();
		assertThat(zeroCopyBodies()).isEqualTo(zeroCopyBefore + 1);
		socket.getOutputStream()
			.write(("GET /videos/" + VID + " HTTP/1.1\r\nHost: x\r\nRange: bytes=0-99\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(RawHttp.readHead(in)).as("the connection serves the next request").startsWith("HTTP/1.1 206");
		assertThat(in.readNBytes(100)).hasSize(100);
		awaitAllReleased();
		for (int i = 0; i < LIMIT; i++) {
			holdStream();
		}
		assertThat(RawHttp.exchange(this.port, "GET", "/videos/" + VID).status()).as("no permit was given back twice")
			.isEqualTo(429);
	}

	@Test
	void limiterCountsAreMetrics() throws Exception {
		holdStream();
		holdStream();
		RawHttp.Response metrics = RawHttp.exchange(this.managementPort, "GET", "/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.text()).containsPattern("(?m)^video_stream_connections_in_use\\{[^}]*\\} 2\\.0$")
			.containsPattern("(?m)^video_stream_connections_rejected_total\\{[^}]*\\} \\d+\\.0$");
	}

	private long zeroCopyBodies() throws IOException {
		String metrics = RawHttp.exchange(this.managementPort, "GET", "/actuator/prometheus").text();
		Matcher matcher = Pattern
			.compile("(?m)^video_stream_bodies_total\\{[^}]*transfer=\"zero-copy\"[^}]*\\} (\\d+)\\.0$")
			.matcher(metrics);
		assertThat(matcher.find()).as("zero-copy counter in %s", metrics).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/** Starts a stream and reads only its head, so the server blocks writing the body. */
	private Socket holdStream() throws IOException {
		Socket socket = HeldStreams.hold(this.port, VID);
		this.open.add(socket);
		return socket;
	}

	/** Starts an authorised upload of a new video and sends part of its body. */
	private Socket startUpload() throws IOException, InterruptedException {
		String user = "uploader-" + VideoIds.newId().substring(0, 8);
		this.jdbc.sql("INSERT INTO users (login_name, pwd) VALUES (:name, 'x')").param("name", user).update();
		String session = VideoIds.newId();
		this.jdbc.sql("INSERT INTO sessions VALUES (:id, :name, NOW(3) + INTERVAL 5 MINUTE)")
			.param("id", session)
			.param("name", user)
			.update();
		String vid = VideoIds.newId();
		this.jdbc.sql("""
				INSERT INTO video_info (id, author_id, name)
				SELECT :vid, id, 'clip' FROM users WHERE login_name = :name""")
			.param("vid", vid)
			.param("name", user)
			.update();
		Socket socket = RawHttp.open(this.port);
		this.open.add(socket);
		OutputStream out = socket.getOutputStream();
		out.write(("PUT /videos/" + vid + " HTTP/1.1\r\nHost: x\r\nX-Session-Id: " + session + "\r\nX-User-Name: "
				+ user + "\r\nContent-Length: 100000000\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		byte[] start = new byte[64 * 1024];
		System.arraycopy(new byte[] { 0, 0, 0, 8, 'f', 't', 'y', 'p' }, 0, start, 0, 8);
		out.write(start);
		out.flush();
		await(() -> uploading(vid));
		await(() -> this.limiter.inUse() >= this.open.size());
		return socket;
	}

	private static boolean uploading(String vid) {
		try (var files = Files.list(dir)) {
			return files.anyMatch((file) -> file.getFileName().toString().startsWith(vid + "."));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void awaitAllReleased() throws InterruptedException {
		await(() -> this.limiter.inUse() == 0);
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out waiting for the limiter");
			}
			Thread.sleep(10);
		}
	}

}
