package io.videoserver.stream.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamIntegrationTest;
import io.videoserver.stream.mp4.TestMp4;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload contract, for the local store here and for S3 in
 * {@link S3UploadIntegrationTests}.
 */
class UploadIntegrationTests extends StreamIntegrationTest {

	private Owner owner;

	@BeforeEach
	void seed() {
		this.owner = seedOwner("owner");
	}

	@Test
	void putStoresTheFileAndRecordsItsSize() throws Exception {
		byte[] video = mp4(300_000, 1);
		HttpResponse<String> response = send(put(this.owner.vid(), video).build());
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).isEqualTo("{\"video_id\":\"" + this.owner.vid() + "\",\"size\":300000}");
		assertThat(storedFile(this.owner.vid())).isEqualTo(video);
		assertThat(fileSize(this.owner.vid())).isEqualTo(300_000L);
		assertThat(partFiles()).isZero();
		assertThat(unfinishedUploads()).isZero();
	}

	@Test
	void putWithCurlsDefaultFormContentTypeStoresTheFileToo() throws Exception {
		// curl --data-binary labels a body application/x-www-form-urlencoded unless told
		// otherwise: the body is still the video, never a form to decode
		byte[] video = mp4(300_000, 2);
		HttpResponse<String> response = send(
				put(this.owner.vid(), video).header("Content-Type", "application/x-www-form-urlencoded").build());
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(storedFile(this.owner.vid())).isEqualTo(video);
	}

	@Test
	void uploadedVideoPlaysBack() throws Exception {
		byte[] video = mp4(100_000, 2);
		send(put(this.owner.vid(), video).build());
		HttpResponse<byte[]> played = this.http.send(
				HttpRequest.newBuilder(uri("/videos/" + this.owner.vid())).header("Range", "bytes=10-19").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(played.statusCode()).isEqualTo(206);
		assertThat(played.body()).isEqualTo(Arrays.copyOfRange(video, 10, 20));
	}

	@Test
	void postMultipartStoresTheFilePart() throws Exception {
		byte[] video = mp4(200_000, 3);
		HttpResponse<String> response = send(multipart(this.owner.vid(), "file", video).build());
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(storedFile(this.owner.vid())).isEqualTo(video);
		assertThat(fileSize(this.owner.vid())).isEqualTo(200_000L);
	}

	@Test
	void postWithoutAFilePartIsRejected() throws Exception {
		HttpResponse<String> response = send(multipart(this.owner.vid(), "other", mp4(1000, 4)).build());
		assertErrorBody(response, 400, "001");
		assertThat(isStored(this.owner.vid())).isFalse();
	}

	@Test
	void sessionCookieAuthenticatesToo() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/videos/" + this.owner.vid()))
			.header("Cookie", "video_session=" + this.owner.session())
			.PUT(BodyPublishers.ofByteArray(mp4(1000, 5)))
			.build());
		assertThat(response.statusCode()).isEqualTo(201);
	}

	@Test
	void missingUnknownExpiredOrForeignSessionAnswers401() throws Exception {
		byte[] video = mp4(1000, 6);
		HttpRequest.Builder none = HttpRequest.newBuilder(uri("/videos/" + this.owner.vid()))
			.PUT(BodyPublishers.ofByteArray(video));
		assertErrorBody(send(none.build()), 401, "002");
		assertErrorBody(send(put(this.owner.vid(), video, VideoIds.newId(), this.owner.user()).build()), 401, "002");
		assertErrorBody(send(put(this.owner.vid(), video, this.owner.session(), "someone-else").build()), 401, "002");
		String expired = createSession(this.owner.user(), true);
		assertErrorBody(send(put(this.owner.vid(), video, expired, this.owner.user()).build()), 401, "002");
		assertErrorBody(send(put(this.owner.vid(), video, "'; DROP TABLE users; --", this.owner.user()).build()), 401,
				"002");
		assertThat(isStored(this.owner.vid())).isFalse();
	}

	@Test
	void anotherUsersVideoAnswers403() throws Exception {
		String intruder = uniqueName("intruder");
		createUser(intruder);
		String intruderSession = createSession(intruder, false);
		assertErrorBody(send(put(this.owner.vid(), mp4(1000, 7), intruderSession, intruder).build()), 403, "007");
		HttpRequest form = multipart(this.owner.vid(), "file", mp4(1000, 7)).setHeader("X-Session-Id", intruderSession)
			.setHeader("X-User-Name", intruder)
			.build();
		assertErrorBody(send(form), 403, "007");
		assertThat(isStored(this.owner.vid())).isFalse();
	}

	@Test
	void unknownVideoAnswers404AndInvalidId400() throws Exception {
		assertErrorBody(send(put(VideoIds.newId(), mp4(1000, 8)).build()), 404, "006");
		assertErrorBody(send(put("not-an-id", mp4(1000, 8)).build()), 400, "001");
	}

	@Test
	void bodyThatIsNotAnMp4Answers415AndLeavesNothing() throws Exception {
		assertErrorBody(
				send(put(this.owner.vid(), "<html>not a video</html>".getBytes(StandardCharsets.UTF_8)).build()), 415,
				"009");
		assertErrorBody(send(put(this.owner.vid(), new byte[0]).build()), 415, "009");
		assertErrorBody(send(multipart(this.owner.vid(), "file", new byte[20]).build()), 415, "009");
		assertThat(isStored(this.owner.vid())).isFalse();
		assertThat(partFiles()).isZero();
		assertThat(unfinishedUploads()).isZero();
	}

	@Test
	void bodyThatOnlyStartsLikeAnMp4Answers415AndLeavesNothing() throws Exception {
		byte[] video = mp4(100_000, 19);
		byte[] garbage = video.clone();
		new Random(19).nextBytes(garbage);
		System.arraycopy(video, 0, garbage, 0, 32);
		HttpResponse<String> response = send(put(this.owner.vid(), garbage).build());
		assertErrorBody(response, 415, "009");
		assertThat(response.body()).contains("not a valid MP4");
		byte[] truncated = Arrays.copyOf(video, video.length - 1);
		assertErrorBody(send(multipart(this.owner.vid(), "file", truncated).build()), 415, "009");
		assertThat(isStored(this.owner.vid())).isFalse();
		assertThat(partFiles()).isZero();
		assertThat(unfinishedUploads()).isZero();
		assertThat(fileSize(this.owner.vid())).isEqualTo(-1L);
	}

	@Test
	void moovLastVideoIsStoredWithItsMoovFirstAndItsMediaInfoRecorded() throws Exception {
		TestMp4 movie = TestMp4.video().withAudio().chunks(100, 2000).video("avc1", 1280, 720).duration(0, 600, 45_300);
		byte[] moovLast = movie.moovLast().build();
		byte[] moovFirst = movie.moovFirst(true).build();
		HttpResponse<String> response = send(put(this.owner.vid(), moovLast).build());
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"size\":" + moovLast.length);
		assertThat(storedFile(this.owner.vid())).isEqualTo(moovFirst).isNotEqualTo(moovLast);
		assertThat(partFiles()).isZero();
		assertThat(unfinishedUploads()).isZero();
		assertThat(this.jdbc.sql("SELECT file_size, duration_ms, width, height, codec FROM video_info WHERE id = :vid")
			.param("vid", this.owner.vid())
			.query((row, n) -> List.of(row.getLong(1), row.getLong(2), row.getInt(3), row.getInt(4), row.getString(5)))
			.single()).containsExactly((long) moovLast.length, 75_500L, 1280, 720, "avc1");
	}

	@Test
	void reuploadReplacesTheMediaInfo() throws Exception {
		send(put(this.owner.vid(), TestMp4.video().video("hev1", 3840, 2160).build()).build());
		byte[] unsized = TestMp4.video().video("avc1", 0, 0).build();
		assertThat(send(put(this.owner.vid(), unsized).build()).statusCode()).isEqualTo(201);
		assertThat(this.jdbc.sql("SELECT CONCAT_WS(',', width, height, codec) FROM video_info WHERE id = :vid")
			.param("vid", this.owner.vid())
			.query(String.class)
			.single()).isEqualTo("avc1");
	}

	@Test
	void declaredLengthOverTheLimitAnswers413BeforeTheBodyIsSent() throws Exception {
		for (String target : new String[] { "PUT /videos/", "POST /upload/" }) {
			try (Socket socket = RawHttp.open(this.port)) {
				socket.getOutputStream()
					.write((target + this.owner.vid() + " HTTP/1.1\r\nHost: x\r\nX-Session-Id: " + this.owner.session()
							+ "\r\nX-User-Name: " + this.owner.user()
							+ "\r\nContent-Type: multipart/form-data; boundary=b\r\nExpect: 100-continue\r\nContent-Length: "
							+ (MAX_UPLOAD + 2 * 1024 * 1024) + "\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
				String head = RawHttp.readHead(socket.getInputStream());
				assertThat(head).as(target).startsWith("HTTP/1.1 413");
			}
		}
		assertThat(isStored(this.owner.vid())).isFalse();
	}

	@Test
	void chunkedBodyCrossingTheLimitAnswers413AndLeavesNothing() throws Exception {
		byte[] tooBig = mp4((int) MAX_UPLOAD + 1, 10);
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/videos/" + this.owner.vid()))
			.header("X-Session-Id", this.owner.session())
			.header("X-User-Name", this.owner.user())
			.PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)))
			.build());
		assertErrorBody(response, 413, "008");
		byte[] multipartTooBig = mp4((int) MAX_UPLOAD + 1, 11);
		HttpRequest.Builder chunkedForm = multipart(this.owner.vid(), "file", multipartTooBig);
		assertErrorBody(send(chunkedForm.build()), 413, "008");
		assertThat(isStored(this.owner.vid())).isFalse();
		assertThat(partFiles()).isZero();
		assertThat(unfinishedUploads()).isZero();
	}

	@Test
	void exactlyTheLimitIsAccepted() throws Exception {
		assertThat(send(put(this.owner.vid(), mp4((int) MAX_UPLOAD, 12)).build()).statusCode()).isEqualTo(201);
	}

	@Test
	void clientThatBreaksOffLeavesNoFile() throws Exception {
		try (Socket socket = RawHttp.open(this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(
					("PUT /videos/" + this.owner.vid() + " HTTP/1.1\r\nHost: x\r\nX-Session-Id: " + this.owner.session()
							+ "\r\nX-User-Name: " + this.owner.user() + "\r\nContent-Length: 1000000\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
			out.write(mp4(300_000, 13));
			out.flush();
			await("the upload has started", () -> partFiles() > 0);
			RawHttp.abort(socket);
		}
		await("the temporary file is gone", () -> partFiles() == 0);
		assertThat(isStored(this.owner.vid())).isFalse();
		assertThat(fileSize(this.owner.vid())).isEqualTo(-1L);
	}

	@Test
	void secondConcurrentUploadOfTheSameVideoIsRefusedAndTheFirstCompletes() throws Exception {
		byte[] first = mp4(400_000, 14);
		try (Socket socket = RawHttp.open(this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /videos/" + this.owner.vid() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Session-Id: "
					+ this.owner.session() + "\r\nX-User-Name: " + this.owner.user() + "\r\nContent-Length: "
					+ first.length + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(first, 0, 100_000);
			out.flush();
			await("the first upload has started", () -> partFiles() > 0);
			assertErrorBody(send(put(this.owner.vid(), mp4(1000, 15)).build()), 409, "005");
			out.write(first, 100_000, first.length - 100_000);
			out.flush();
			assertThat(RawHttp.readHead(socket.getInputStream())).startsWith("HTTP/1.1 201");
		}
		assertThat(storedFile(this.owner.vid())).isEqualTo(first);
	}

	@Test
	void readerOfTheOldFileKeepsItsBytesDuringAReupload() throws Exception {
		byte[] old = mp4((int) MAX_UPLOAD, 16);
		assertThat(send(put(this.owner.vid(), old).build()).statusCode()).isEqualTo(201);
		HttpResponse<InputStream> reading = this.http.send(
				HttpRequest.newBuilder(uri("/videos/" + this.owner.vid())).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = reading.body()) {
			byte[] start = body.readNBytes(1000);
			assertThat(send(put(this.owner.vid(), mp4((int) MAX_UPLOAD, 17)).build()).statusCode()).isEqualTo(201);
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			all.write(start);
			body.transferTo(all);
			assertThat(all.toByteArray()).isEqualTo(old);
		}
		assertThat(storedFile(this.owner.vid())).isEqualTo(mp4((int) MAX_UPLOAD, 17));
	}

	@Test
	void videoDeletedDuringTheUploadLeavesNoFile() throws Exception {
		byte[] video = mp4(200_000, 18);
		try (Socket socket = RawHttp.open(this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /videos/" + this.owner.vid() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Session-Id: "
					+ this.owner.session() + "\r\nX-User-Name: " + this.owner.user() + "\r\nContent-Length: "
					+ video.length + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(video, 0, 50_000);
			out.flush();
			await("the upload has started", () -> partFiles() > 0);
			this.jdbc.sql("DELETE FROM video_info WHERE id = :vid").param("vid", this.owner.vid()).update();
			out.write(video, 50_000, video.length - 50_000);
			out.flush();
			assertThat(RawHttp.readHead(socket.getInputStream())).startsWith("HTTP/1.1 404");
		}
		assertThat(isStored(this.owner.vid())).isFalse();
	}

	private HttpRequest.Builder put(String vid, byte[] body) {
		return put(vid, body, this.owner.session(), this.owner.user());
	}

	private HttpRequest.Builder multipart(String vid, String field, byte[] file) {
		return new UploadForm().field("title", "my clip")
			.file(field, "clip.mp4", "video/mp4", file)
			.post(uri("/upload/" + vid), this.owner.session(), this.owner.user());
	}

	/** The recorded size, -1 while none is. */
	private long fileSize(String vid) {
		return this.jdbc.sql("SELECT COALESCE(file_size, -1) FROM video_info WHERE id = :vid")
			.param("vid", vid)
			.query(Long.class)
			.single();
	}

	private static void assertErrorBody(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).startsWith("{\"error\":\"").endsWith("\"error_code\":\"" + code + "\"}");
	}

}
