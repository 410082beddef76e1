package io.videoserver.stream.upload;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamApplication;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quota counts the uploads in progress, on every replica that shares the database: a
 * resumable upload's declared length from its creation, a form or raw upload's declared
 * size from its start and an undeclared body's bytes as they arrive; a reservation comes
 * back when its upload ends, and one that a crashed replica left expires.
 */
class UploadsInProgressQuotaTests extends StreamIntegrationTest {

	private static final long QUOTA = 500_000;

	@Autowired
	private JdbcConnectionDetails database;

	private static ConfigurableApplicationContext replica;

	private int replicaPort;

	private String user;

	private long userId;

	private String session;

	@BeforeEach
	void seed() {
		this.user = uniqueName("reserving");
		this.userId = createUser(this.user, QUOTA);
		this.session = createSession(this.user, false);
		if (replica == null) {
			replica = new SpringApplicationBuilder(StreamApplication.class).run("--server.port=0",
					"--video.dir=" + VIDEO_DIR, "--video.rate-limit.requests-per-second=0",
					"--video.upload.max-size=2MB", "--spring.datasource.url=" + this.database.getJdbcUrl(),
					"--spring.datasource.username=" + this.database.getUsername(),
					"--spring.datasource.password=" + this.database.getPassword());
		}
		this.replicaPort = Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@AfterAll
	static void stopReplica() {
		if (replica != null) {
			replica.close();
		}
	}

	@Test
	void aResumableUploadReservesItsLengthOnEveryReplicaUntilItEnds() throws Exception {
		String location = createTus(this.port, createVideo(this.userId), 300_000);
		HttpResponse<String> refused = send(tusCreate(this.replicaPort, createVideo(this.userId), 300_000).build());
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("200000 bytes left");
		assertThat(send(put(this.replicaPort, createVideo(this.userId), mp4(250_000, 1))).statusCode()).isEqualTo(413);
		assertThat(send(put(this.replicaPort, createVideo(this.userId), mp4(150_000, 2))).statusCode()).isEqualTo(201);

		HttpResponse<String> terminated = send(tus(HttpRequest.newBuilder(URI.create(location))).DELETE().build());
		assertThat(terminated.statusCode()).isEqualTo(204);
		assertThat(send(tusCreate(this.replicaPort, createVideo(this.userId), 300_000).build()).statusCode())
			.isEqualTo(201);
	}

	@Test
	void aRunningUploadCountsOnTheOtherReplica() throws Exception {
		String running = createVideo(this.userId);
		byte[] video = mp4(300_000, 3);
		try (Socket socket = startPut(this.port, running, video, 200_000)) {
			await("the first bytes have arrived", () -> partFiles() == 1);
			HttpResponse<String> refused = send(put(this.replicaPort, createVideo(this.userId), mp4(250_000, 4)));
			assertThat(refused.statusCode()).isEqualTo(413);
			assertThat(refused.body()).contains("200000 bytes left");
			socket.getOutputStream().write(video, 200_000, video.length - 200_000);
			socket.getOutputStream().flush();
			assertThat(RawHttp.readHead(socket.getInputStream())).startsWith("HTTP/1.1 201");
		}
		assertThat(reserved()).isZero();
		assertThat(send(put(this.replicaPort, createVideo(this.userId), mp4(200_000, 5))).statusCode()).isEqualTo(201);
	}

	@Test
	void undeclaredBytesCountAsTheyArrive() throws Exception {
		String running = createVideo(this.userId);
		byte[] video = mp4(300_000, 6);
		try (Socket socket = startChunkedPut(this.port, running, video, 250_000)) {
			await("the undeclared bytes have arrived", () -> reserved() >= 250_000);
			HttpResponse<String> refused = send(tusCreate(this.replicaPort, createVideo(this.userId), 260_000).build());
			assertThat(refused.statusCode()).isEqualTo(413);
			RawHttp.abort(socket);
		}
		await("the broken-off upload has given its space back", () -> reserved() == 0);
	}

	@Test
	void theReservationOfACrashedReplicaExpires() throws Exception {
		String vid = createVideo(this.userId);
		this.jdbc.sql("""
				INSERT INTO upload_reservation (id, user_id, video_id, bytes, expires_at)
				VALUES ('deadbeefdeadbeefdeadbeefdeadbeef', :user, :vid, 400000, NOW(3) + INTERVAL 1 SECOND)""")
			.param("user", this.userId)
			.param("vid", vid)
			.update();
		assertThat(send(put(this.replicaPort, createVideo(this.userId), mp4(200_000, 7))).statusCode()).isEqualTo(413);
		await("the crashed replica's reservation has expired", () -> {
			try {
				return send(put(this.replicaPort, createVideo(this.userId), mp4(200_000, 7))).statusCode() == 201;
			}
			catch (Exception ex) {
				return false;
			}
		});
	}

	private long reserved() {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(bytes), 0) FROM upload_reservation WHERE user_id = :id AND expires_at > NOW(3)")
			.param("id", this.userId)
			.query(Long.class)
			.single();
	}

	private String createTus(int port, String vid, long length) throws Exception {
		HttpResponse<String> created = send(tusCreate(port, vid, length).build());
		assertThat(created.statusCode()).isEqualTo(201);
		return created.headers().firstValue("Location").orElseThrow();
	}

	private HttpRequest.Builder tusCreate(int port, String vid, long length) {
		return tus(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tus/videos/" + vid)))
			.header("Upload-Length", Long.toString(length))
			.POST(BodyPublishers.noBody());
	}

	private HttpRequest.Builder tus(HttpRequest.Builder request) {
		return request.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", this.session)
			.header("X-User-Name", this.user);
	}

	private HttpRequest put(int port, String vid, byte[] body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/videos/" + vid))
			.header("X-Session-Id", this.session)
			.header("X-User-Name", this.user)
			.PUT(BodyPublishers.ofByteArray(body))
			.build();
	}

	private Socket startPut(int port, String vid, byte[] body, int sent) throws Exception {
		Socket socket = RawHttp.open(port);
		OutputStream out = socket.getOutputStream();
		out.write(("PUT /videos/" + vid + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Session-Id: " + this.session
				+ "\r\nX-User-Name: " + this.user + "\r\nContent-Length: " + body.length + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.write(body, 0, sent);
		out.flush();
		return socket;
	}

	/** A raw upload without a declared length: one chunk of the first bytes, no end. */
	private Socket startChunkedPut(int port, String vid, byte[] body, int sent) throws Exception {
		Socket socket = RawHttp.open(port);
		OutputStream out = socket.getOutputStream();
		out.write(("PUT /videos/" + vid + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Session-Id: " + this.session
				+ "\r\nX-User-Name: " + this.user + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(sent)
				+ "\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.write(Arrays.copyOf(body, sent));
		out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return socket;
	}

}
