package io.videoserver.stream.tus;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class TusIntegrationTests extends TusUploadTest {

	@Autowired
	private JdbcConnectionDetails database;

	@Test
	void optionsAnnouncesVersionMaxSizeAndExtensions() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/tus/videos/" + this.owner.vid()))
			.method("OPTIONS", BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Tus-Version")).hasValue("1.0.0");
		assertThat(response.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
		assertThat(response.headers().firstValue("Tus-Max-Size")).hasValue(Long.toString(MAX_UPLOAD));
		assertThat(response.headers().firstValue("Tus-Extension"))
			.hasValue("creation,creation-with-upload,termination,expiration,checksum");
		assertThat(response.headers().firstValue("Tus-Checksum-Algorithm").orElseThrow()).contains("sha1");
	}

	@Test
	void chunksResumeFromTheOffsetAndTheVideoAppearsOnlyWhenComplete() throws Exception {
		byte[] video = mp4(300_000, 1);
		HttpResponse<String> created = send(create(video.length).build());
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches("http://127\\.0\\.0\\.1:" + this.port + "/tus/uploads/[0-9a-f]{32}");
		assertThat(head(location).headers().firstValue("Upload-Offset")).hasValue("0");

		HttpResponse<String> first = send(patch(location, 0, Arrays.copyOfRange(video, 0, 100_000)).build());
		assertThat(first.statusCode()).isEqualTo(204);
		assertThat(first.headers().firstValue("Upload-Offset")).hasValue("100000");
		HttpResponse<String> resumed = head(location);
		assertThat(resumed.statusCode()).isEqualTo(200);
		assertThat(resumed.headers().firstValue("Upload-Offset")).hasValue("100000");
		assertThat(resumed.headers().firstValue("Upload-Length")).hasValue("300000");
		assertThat(resumed.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(VIDEO_DIR.resolve(this.owner.vid())).doesNotExist();
		assertThat(fileSize()).isEqualTo(-1L);

		HttpResponse<String> last = send(patch(location, 100_000, Arrays.copyOfRange(video, 100_000, 300_000)).build());
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(last.headers().firstValue("Upload-Offset")).hasValue("300000");
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(this.owner.vid()))).isEqualTo(video);
		assertThat(fileSize()).isEqualTo(300_000L);
		assertThat(head(location).headers().firstValue("Upload-Offset")).hasValue("300000");
		assertThat(send(patch(location, 300_000, new byte[1]).build()).statusCode()).isEqualTo(409);
		String id = id(location);
		assertThat(VIDEO_DIR.resolve(".tus").resolve(id + ".bin")).doesNotExist();
	}

	@Test
	void aRestartedServiceOnTheSameDirectoryResumesFromTheBytesOnDisk() throws Exception {
		byte[] video = mp4(100_000, 10);
		String location = location(video.length);
		send(patch(location, 0, Arrays.copyOf(video, 40_000)).build());
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(StreamApplication.class).run(
				"--server.port=0", "--video.dir=" + VIDEO_DIR, "--video.rate-limit.requests-per-second=0",
				"--spring.datasource.url=" + this.database.getJdbcUrl(),
				"--spring.datasource.username=" + this.database.getUsername(),
				"--spring.datasource.password=" + this.database.getPassword())) {
			String port = restarted.getEnvironment().getRequiredProperty("local.server.port");
			String moved = location.replace(":" + this.port + "/", ":" + port + "/");
			HttpResponse<String> resumed = head(moved);
			assertThat(resumed.statusCode()).isEqualTo(200);
			assertThat(resumed.headers().firstValue("Upload-Offset")).hasValue("40000");
			assertThat(send(patch(moved, 40_000, Arrays.copyOfRange(video, 40_000, video.length)).build()).statusCode())
				.isEqualTo(204);
		}
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(this.owner.vid()))).isEqualTo(video);
	}

	@Test
	void creationWithUploadTakesTheFirstChunk() throws Exception {
		byte[] video = mp4(50_000, 2);
		HttpResponse<String> created = send(create(video.length).header("Content-Type", TusController.OFFSET_STREAM)
			.POST(BodyPublishers.ofByteArray(Arrays.copyOf(video, 20_000)))
			.build());
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Upload-Offset")).hasValue("20000");
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(send(patch(location, 20_000, Arrays.copyOfRange(video, 20_000, video.length)).build()).statusCode())
			.isEqualTo(204);
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(this.owner.vid()))).isEqualTo(video);
	}

	@Test
	void aChunkAtTheWrongOffsetAnswers409() throws Exception {
		byte[] video = mp4(10_000, 3);
		String location = location(video.length);
		send(patch(location, 0, Arrays.copyOf(video, 1000)).build());
		assertErrorBody(send(patch(location, 500, Arrays.copyOfRange(video, 500, 2000)).build()), 409, "005");
		assertErrorBody(send(patch(location, 2000, Arrays.copyOfRange(video, 2000, 3000)).build()), 409, "005");
		assertThat(head(location).headers().firstValue("Upload-Offset")).hasValue("1000");
	}

	@Test
	void aChecksumMismatchAnswers460AndDiscardsTheChunk() throws Exception {
		byte[] video = mp4(10_000, 4);
		String location = location(video.length);
		byte[] chunk = Arrays.copyOf(video, 4000);
		HttpResponse<String> wrong = send(
				patch(location, 0, chunk).header("Upload-Checksum", "sha1 " + sha1(new byte[] { 1 })).build());
		assertErrorBody(wrong, 460, "001");
		assertThat(head(location).headers().firstValue("Upload-Offset")).hasValue("0");
		HttpResponse<String> right = send(
				patch(location, 0, chunk).header("Upload-Checksum", "sha1 " + sha1(chunk)).build());
		assertThat(right.statusCode()).isEqualTo(204);
		assertThat(right.headers().firstValue("Upload-Offset")).hasValue("4000");
		assertErrorBody(send(patch(location, 4000, new byte[10]).header("Upload-Checksum", "crc99 AAAA").build()), 400,
				"001");
	}

	@Test
	void aSecondWriterIsRefusedWith423AndABrokenOffChunkKeepsItsBytes() throws Exception {
		byte[] video = mp4(500_000, 8);
		String location = location(video.length);
		Path bytes = VIDEO_DIR.resolve(".tus").resolve(id(location) + ".bin");
		try (Socket socket = startPatch(location, video, 200_000)) {
			await("the first chunk is arriving", () -> size(bytes) == 200_000);
			HttpResponse<String> second = send(
					patch(location, 200_000, Arrays.copyOfRange(video, 200_000, 300_000)).build());
			assertErrorBody(second, 423, "005");
			RawHttp.abort(socket);
		}
		await("the broken-off request has ended", () -> {
			try {
				return send(patch(location, 200_000, Arrays.copyOfRange(video, 200_000, video.length)).build())
					.statusCode() == 204;
			}
			catch (Exception ex) {
				return false;
			}
		});
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(this.owner.vid()))).isEqualTo(video);
	}

	@Test
	void terminationDoesNotWaitForAWriterWhoseClientFellSilent() throws Exception {
		byte[] video = mp4(500_000, 11);
		String location = location(video.length);
		String id = id(location);
		Path bytes = VIDEO_DIR.resolve(".tus").resolve(id + ".bin");
		try (Socket socket = startPatch(location, video, 100_000)) {
			await("the chunk is arriving", () -> size(bytes) == 100_000);
			HttpResponse<String> deleted = send(
					authorized(HttpRequest.newBuilder(URI.create(location))).DELETE().build());
			assertThat(deleted.statusCode()).isEqualTo(204);
			assertThat(head(location).statusCode()).isEqualTo(404);
			socket.getOutputStream().write(video, 100_000, video.length - 100_000);
			socket.getOutputStream().flush();
			assertThat(RawHttp.readHead(socket.getInputStream())).startsWith("HTTP/1.1 404");
		}
		assertThat(bytes).doesNotExist();
		assertThat(VIDEO_DIR.resolve(".tus").resolve(id + ".info")).doesNotExist();
		assertThat(VIDEO_DIR.resolve(this.owner.vid())).doesNotExist();
		assertThat(fileSize()).isEqualTo(-1L);
	}

	@Test
	void terminationRemovesTheUpload() throws Exception {
		byte[] video = mp4(10_000, 5);
		String location = location(video.length);
		send(patch(location, 0, Arrays.copyOf(video, 1000)).build());
		HttpResponse<String> deleted = send(authorized(HttpRequest.newBuilder(URI.create(location))).DELETE().build());
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertErrorBody(send(authorized(HttpRequest.newBuilder(URI.create(location)))
			.method("PATCH", BodyPublishers.ofByteArray(new byte[1]))
			.header("Content-Type", TusController.OFFSET_STREAM)
			.header("Upload-Offset", "1000")
			.build()), 404, "006");
		assertThat(head(location).statusCode()).isEqualTo(404);
		assertThat(VIDEO_DIR.resolve(this.owner.vid())).doesNotExist();
	}

	@Test
	void anUploadOfADeletedVideoIsRemovedAtItsNextRequest() throws Exception {
		String location = location(10_000);
		send(patch(location, 0, Arrays.copyOf(mp4(10_000, 9), 1000)).build());
		this.jdbc.sql("DELETE FROM video_info WHERE id = :vid").param("vid", this.owner.vid()).update();
		assertThat(head(location).statusCode()).isEqualTo(404);
		String id = id(location);
		assertThat(VIDEO_DIR.resolve(".tus").resolve(id + ".bin")).doesNotExist();
		assertThat(VIDEO_DIR.resolve(".tus").resolve(id + ".info")).doesNotExist();
	}

	@Test
	void everyAnswerStatesWhenTheUploadExpires() throws Exception {
		HttpResponse<String> created = send(create(10_000).build());
		Instant expires = ZonedDateTime
			.parse(created.headers().firstValue("Upload-Expires").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME)
			.toInstant();
		assertThat(expires).isAfter(Instant.now().plusSeconds(23 * 3600));
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(head(location).headers().firstValue("Upload-Expires")).isPresent();
		assertThat(send(patch(location, 0, Arrays.copyOf(mp4(10_000, 6), 100)).build()).headers()
			.firstValue("Upload-Expires")).isPresent();
	}

	@Test
	void anUnsupportedProtocolVersionAnswers412() throws Exception {
		HttpResponse<String> old = send(create(10_000).setHeader("Tus-Resumable", "0.2.2").build());
		assertErrorBody(old, 412, "001");
		assertThat(old.headers().firstValue("Tus-Version")).hasValue("1.0.0");
		HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/tus/videos/" + this.owner.vid()))
			.header("X-Session-Id", this.owner.session())
			.header("X-User-Name", this.owner.user())
			.header("Upload-Length", "10000")
			.POST(BodyPublishers.noBody())
			.build());
		assertErrorBody(none, 412, "001");
		assertThat(none.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void limitsAreCheckedBeforeAnyByte() throws Exception {
		assertErrorBody(send(create(MAX_UPLOAD + 1).build()), 413, "008");
		assertErrorBody(send(create(-1).build()), 400, "001");
		String location = location(1000);
		assertErrorBody(send(patch(location, 0, mp4(2000, 7)).build()), 413, "008");
		assertThat(head(location).headers().firstValue("Upload-Offset")).hasValue("0");
		assertErrorBody(send(patch(location, 0, mp4(1000, 7)).setHeader("Content-Type", "video/mp4").build()), 415,
				"009");
	}

	@Test
	void aFileThatIsNotAnMp4IsRefusedAtItsFirstBytes() throws Exception {
		String location = location(10_000);
		assertErrorBody(send(patch(location, 0, new byte[100]).build()), 415, "009");
		assertThat(head(location).statusCode()).isEqualTo(404);
	}

	@Test
	void onlyTheOwnerMayCreateOrContinueAnUpload() throws Exception {
		String intruder = uniqueName("intruder");
		createUser(intruder);
		String intruderSession = createSession(intruder, false);
		assertErrorBody(send(
				create(1000).setHeader("X-Session-Id", intruderSession).setHeader("X-User-Name", intruder).build()),
				403, "007");
		assertErrorBody(send(HttpRequest.newBuilder(uri("/tus/videos/" + this.owner.vid()))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", "1000")
			.POST(BodyPublishers.noBody())
			.build()), 401, "002");
		String location = location(1000);
		HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(location))
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", "video_session=" + intruderSession)
			.method("HEAD", BodyPublishers.noBody())
			.build());
		assertThat(foreign.statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = send(
				HttpRequest.newBuilder(URI.create(location)).header("Tus-Resumable", "1.0.0").DELETE().build());
		assertErrorBody(anonymous, 401, "002");
		assertThat(head(location).statusCode()).isEqualTo(200);
	}

	@Test
	void unknownVideosUploadsAndInvalidIdsAreRefused() throws Exception {
		assertErrorBody(send(HttpRequest.newBuilder(uri("/tus/videos/" + VideoIds.newId()))
			.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", this.owner.session())
			.header("X-User-Name", this.owner.user())
			.header("Upload-Length", "1000")
			.POST(BodyPublishers.noBody())
			.build()), 404, "006");
		assertErrorBody(send(create(1000).uri(uri("/tus/videos/not-an-id")).build()), 400, "001");
		assertThat(head(uri("/tus/uploads/0123456789abcdef0123456789abcdef").toString()).statusCode()).isEqualTo(404);
		assertThat(head(uri("/tus/uploads/..%2F..%2Fvideos").toString()).statusCode()).isIn(400, 404);
		assertThat(head(uri("/tus/uploads/ABC").toString()).statusCode()).isEqualTo(400);
	}

	@Test
	void theWebUiMaySendTheTusHeaders() throws Exception {
		HttpResponse<String> preflight = send(HttpRequest
			.newBuilder(uri("/tus/uploads/0123456789abcdef0123456789abcdef"))
			.header("Origin", "http://localhost:8000")
			.header("Access-Control-Request-Method", "PATCH")
			.header("Access-Control-Request-Headers", "tus-resumable,upload-offset,upload-checksum,content-type")
			.method("OPTIONS", BodyPublishers.noBody())
			.build());
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PATCH");
		HttpResponse<String> created = send(create(1000).header("Origin", "http://localhost:8000").build());
		assertThat(created.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Location",
				"Upload-Offset", "Tus-Resumable", "Upload-Expires");
	}

	private static String sha1(byte[] bytes) throws Exception {
		return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
	}

	private static void assertErrorBody(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).startsWith("{\"error\":\"").endsWith("\"error_code\":\"" + code + "\"}");
		assertThat(response.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
	}

}
