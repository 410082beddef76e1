package io.videoserver.stream.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage quota as an uploader meets it: refused before the body when the declared
 * size does not fit, cut where it ends, a re-upload counted once, and parallel uploads
 * that cannot exceed it together.
 */
class QuotaIntegrationTests extends StreamIntegrationTest {

	private static final long QUOTA = 500_000;

	private String user;

	private long userId;

	private String session;

	@BeforeEach
	void seed() {
		this.user = uniqueName("quota");
		this.userId = createUser(this.user, QUOTA);
		this.session = createSession(this.user, false);
	}

	@Test
	void declaredSizeOverTheRemainingSpaceAnswers413BeforeTheBodyIsSent() throws Exception {
		String vid = createVideo(this.userId);
		for (String target : new String[] { "PUT /videos/", "POST /upload/" }) {
			try (Socket socket = RawHttp.open(this.port)) {
				socket.getOutputStream()
					.write((target + vid + " HTTP/1.1\r\nHost: x\r\nX-Session-Id: " + this.session + "\r\nX-User-Name: "
							+ this.user + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: "
							+ (QUOTA + MultipartBody.FRAMING + 1) + "\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
				String answer = RawHttp.readHead(socket.getInputStream());
				assertThat(answer).as(target).startsWith("HTTP/1.1 413");
				assertThat(errorBody(socket.getInputStream())).as(target)
					.contains("does not fit in your storage quota: " + QUOTA + " bytes left")
					.contains("\"error_code\":\"008\"");
			}
		}
		assertThat(VIDEO_DIR.resolve(vid)).doesNotExist();
	}

	@Test
	void declaredSizeThatFitsIsStored() throws Exception {
		assertThat(send(put(createVideo(this.userId), mp4((int) QUOTA, 1)).build()).statusCode()).isEqualTo(201);
	}

	@Test
	void undeclaredBodyIsCutWhereTheQuotaEnds() throws Exception {
		String vid = createVideo(this.userId);
		byte[] tooBig = mp4((int) QUOTA + 1, 2);
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/videos/" + vid))
			.header("X-Session-Id", this.session)
			.header("X-User-Name", this.user)
			.PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)))
			.build());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("larger than the " + QUOTA + " bytes left in your storage quota");
		assertThat(VIDEO_DIR.resolve(vid)).doesNotExist();
		assertThat(partFiles()).isZero();
	}

	@Test
	void reuploadFreesTheOldSizeAndOtherVideosCount() throws Exception {
		String first = createVideo(this.userId);
		assertThat(send(put(first, mp4(400_000, 3)).build()).statusCode()).isEqualTo(201);
		assertThat(send(put(first, mp4(450_000, 4)).build()).statusCode()).isEqualTo(201);
		String second = createVideo(this.userId);
		HttpResponse<String> refused = send(put(second, mp4(100_000, 5)).build());
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("(100000 bytes) does not fit in your storage quota: 50000 bytes left");
		assertThat(send(put(second, mp4(50_000, 6)).build()).statusCode()).isEqualTo(201);
	}

	@Test
	void anotherUsersVideosDoNotCount() throws Exception {
		String other = uniqueName("other");
		long otherId = createUser(other);
		this.jdbc
			.sql("INSERT INTO video_info (id, author_id, name, file_size) VALUES (:id, :author, 'big', 1000000000)")
			.param("id", io.videoserver.shared.VideoIds.newId())
			.param("author", otherId)
			.update();
		assertThat(send(put(createVideo(this.userId), mp4(300_000, 7)).build()).statusCode()).isEqualTo(201);
	}

	@Test
	void parallelUploadsCannotExceedTheQuotaTogether() throws Exception {
		String first = createVideo(this.userId);
		String second = createVideo(this.userId);
		byte[] a = mp4(300_000, 8);
		byte[] b = mp4(300_000, 9);
		try (Socket one = startUpload(first, a)) {
			// the first reserves its declared size when it starts
			await("the first upload is receiving", () -> partFiles() == 1);
			Socket two = startUpload(second, b);
			String refused = RawHttp.readHead(two.getInputStream());
			assertThat(refused).startsWith("HTTP/1.1 413");
			assertThat(errorBody(two.getInputStream())).contains("200000 bytes left");
			two.close();
			finish(one, a);
			assertThat(RawHttp.readHead(one.getInputStream())).startsWith("HTTP/1.1 201");
		}
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(first))).isEqualTo(a);
		assertThat(VIDEO_DIR.resolve(second)).doesNotExist();
		assertThat(usedBytes()).isEqualTo(300_000L);
		assertThat(partFiles()).isZero();
	}

	@Test
	void reuploadRefusedForTheQuotaKeepsTheStoredVideo() throws Exception {
		String kept = createVideo(this.userId);
		byte[] old = mp4(200_000, 10);
		assertThat(send(put(kept, old).build()).statusCode()).isEqualTo(201);
		String other = createVideo(this.userId);
		byte[] otherBody = mp4(250_000, 11);
		byte[] replacement = mp4(280_000, 12);
		try (Socket otherUpload = startUpload(other, otherBody)) {
			await("the other upload is receiving", () -> partFiles() == 1);
			try (Socket reupload = startUpload(kept, replacement)) {
				assertThat(RawHttp.readHead(reupload.getInputStream())).startsWith("HTTP/1.1 413");
			}
			finish(otherUpload, otherBody);
			assertThat(RawHttp.readHead(otherUpload.getInputStream())).startsWith("HTTP/1.1 201");
		}
		assertThat(Files.readAllBytes(VIDEO_DIR.resolve(kept))).isEqualTo(old);
		assertThat(this.jdbc.sql("SELECT file_size FROM video_info WHERE id = :id")
			.param("id", kept)
			.query(Long.class)
			.single()).isEqualTo(200_000L);
		assertThat(usedBytes()).isEqualTo(450_000L);
	}

	/**
	 * Sends the headers and half of the body, so that the check before reading has run.
	 */
	private Socket startUpload(String vid, byte[] body) throws Exception {
		Socket socket = RawHttp.open(this.port);
		OutputStream out = socket.getOutputStream();
		out.write(("PUT /videos/" + vid + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Session-Id: " + this.session
				+ "\r\nX-User-Name: " + this.user + "\r\nContent-Length: " + body.length + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.write(body, 0, body.length / 2);
		out.flush();
		return socket;
	}

	private static void finish(Socket socket, byte[] body) throws Exception {
		socket.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
		socket.getOutputStream().flush();
	}

	private long usedBytes() {
		return this.jdbc.sql("SELECT COALESCE(SUM(file_size), 0) FROM video_info WHERE author_id = :id")
			.param("id", this.userId)
			.query(Long.class)
			.single();
	}

	private HttpRequest.Builder put(String vid, byte[] body) {
		return put(vid, body, this.session, this.user);
	}

	/**
	 * Reads up to the end of the legacy error body, not to the end of the stream: whether
	 * the server closes the connection at once after refusing is its choice.
	 */
	private static String errorBody(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int b = in.read(); b >= 0; b = in.read()) {
			body.write(b);
			if (body.toString(StandardCharsets.UTF_8).contains("\"error_code\":\"008\"}")) {
				break;
			}
		}
		return body.toString(StandardCharsets.UTF_8);
	}

}
