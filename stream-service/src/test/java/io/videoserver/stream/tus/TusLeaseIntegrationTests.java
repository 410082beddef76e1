package io.videoserver.stream.tus;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer of a resumable upload holds it across replicas that share one database and
 * one directory: a second writer on another replica answers 423 for as long as the first
 * one works (its lease is renewed, here every 0.5 s of a 1.5 s lease), and the lease of a
 * writer that died expires.
 */
@TestPropertySource(properties = "video.upload.lease-ttl=1500ms")
class TusLeaseIntegrationTests extends TusUploadTest {

	@Autowired
	private JdbcConnectionDetails database;

	@Test
	void aSecondWriterOnAnotherReplicaIsRefusedWith423WhileTheFirstWrites() throws Exception {
		byte[] video = mp4(500_000, 1);
		String location = location(video.length);
		Path bytes = VIDEO_DIR.resolve(".tus").resolve(id(location) + ".bin");
		try (ConfigurableApplicationContext replica = secondReplica()) {
			String other = location.replace(":" + this.port + "/",
					":" + replica.getEnvironment().getRequiredProperty("local.server.port") + "/");
			try (Socket socket = startPatch(location, video, 200_000)) {
				await("the first chunk is arriving", () -> size(bytes) == 200_000);
				// longer than the lease: only its renewal keeps it
				Thread.sleep(2_000);
				HttpResponse<String> second = send(
						patch(other, 200_000, Arrays.copyOfRange(video, 200_000, video.length)).build());
				assertThat(second.statusCode()).isEqualTo(423);
				assertThat(second.body()).endsWith("\"error_code\":\"005\"}");
				assertThat(size(bytes)).isEqualTo(200_000);
				RawHttp.abort(socket);
			}
			await("the broken-off writer has let go", () -> leases() == 0);
			HttpResponse<String> resumed = send(
					patch(other, 200_000, Arrays.copyOfRange(video, 200_000, video.length)).build());
			assertThat(resumed.statusCode()).isEqualTo(204);
		}
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(this.owner.vid()))).isEqualTo(video);
	}

	@Test
	void theLeaseOfAWriterThatDiedExpires() throws Exception {
		byte[] video = mp4(20_000, 2);
		String location = location(video.length);
		// what a replica that died while writing leaves behind
		this.jdbc.sql("""
				INSERT INTO upload_lease (upload_id, holder, expires_at)
				VALUES (:id, 'deadbeefdeadbeefdeadbeefdeadbeef', NOW(3) + INTERVAL 1 SECOND)""")
			.param("id", id(location))
			.update();
		assertThat(send(patch(location, 0, video).build()).statusCode()).isEqualTo(423);
		await("the dead writer's lease has expired", () -> {
			try {
				return send(patch(location, 0, video).build()).statusCode() == 204;
			}
			catch (Exception ex) {
				return false;
			}
		});
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(this.owner.vid()))).isEqualTo(video);
		assertThat(leases()).isZero();
	}

	@Test
	void aWriterThatLostItsLeaseDoesNotPublish() throws Exception {
		byte[] video = mp4(100_000, 3);
		String location = location(video.length);
		Path bytes = VIDEO_DIR.resolve(".tus").resolve(id(location) + ".bin");
		try (Socket socket = startPatch(location, video, 90_000)) {
			await("the chunk is arriving", () -> size(bytes) == 90_000);
			// the lease lapsed (the database was out of reach) and another writer took it
			this.jdbc.sql("UPDATE upload_lease SET holder = 'deadbeefdeadbeefdeadbeefdeadbeef' WHERE upload_id = :id")
				.param("id", id(location))
				.update();
			socket.getOutputStream().write(video, 90_000, video.length - 90_000);
			socket.getOutputStream().flush();
			assertThat(RawHttp.readHead(socket.getInputStream())).startsWith("HTTP/1.1 423");
		}
		assertThat(VIDEO_DIR.resolve(this.owner.vid())).doesNotExist();
		this.jdbc.sql("DELETE FROM upload_lease").update();
		assertThat(send(
				patch(location, video.length - 1, Arrays.copyOfRange(video, video.length - 1, video.length)).build())
			.statusCode()).isEqualTo(204);
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(this.owner.vid()))).isEqualTo(video);
	}

	private ConfigurableApplicationContext secondReplica() {
		return new SpringApplicationBuilder(StreamApplication.class).run("--server.port=0", "--video.dir=" + VIDEO_DIR,
				"--video.rate-limit.requests-per-second=0", "--video.upload.lease-ttl=1500ms",
				"--spring.datasource.url=" + this.database.getJdbcUrl(),
				"--spring.datasource.username=" + this.database.getUsername(),
				"--spring.datasource.password=" + this.database.getPassword());
	}

	private long leases() {
		return this.jdbc.sql("SELECT COUNT(*) FROM upload_lease").query(Long.class).single();
	}

}
