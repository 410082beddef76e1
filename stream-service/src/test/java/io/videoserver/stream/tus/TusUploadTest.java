package io.videoserver.stream.tus;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the resumable-upload tests share: a user with a live session and a video of
 * theirs, seeded before each test, and that user's tus requests as tus-js-client sends
 * them.
 */
abstract class TusUploadTest extends StreamIntegrationTest {

	protected Owner owner;

	@BeforeEach
	void seedTusOwner() {
		this.owner = seedOwner("tus");
	}

	protected HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return request.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", this.owner.session())
			.header("X-User-Name", this.owner.user());
	}

	/** A creation of an upload of the owner's video. */
	protected HttpRequest.Builder create(long length) {
		return authorized(HttpRequest.newBuilder(uri("/tus/videos/" + this.owner.vid())))
			.header("Upload-Length", Long.toString(length))
			.header("Upload-Metadata", "filename Y2xpcC5tcDQ=")
			.POST(BodyPublishers.noBody());
	}

	/** Creates an upload of the owner's video; returns its URL. */
	protected String location(long length) throws Exception {
		HttpResponse<String> created = send(create(length).build());
		assertThat(created.statusCode()).isEqualTo(201);
		return created.headers().firstValue("Location").orElseThrow();
	}

	protected HttpRequest.Builder patch(String location, long offset, byte[] chunk) {
		return authorized(HttpRequest.newBuilder(URI.create(location)))
			.header("Content-Type", TusController.OFFSET_STREAM)
			.header("Upload-Offset", Long.toString(offset))
			.method("PATCH", BodyPublishers.ofByteArray(chunk));
	}

	protected HttpResponse<String> head(String location) throws Exception {
		return send(authorized(HttpRequest.newBuilder(URI.create(location))).method("HEAD", BodyPublishers.noBody())
			.build());
	}

	/**
	 * Starts a PATCH of the whole video from offset 0 on a raw socket and sends only its
	 * first bytes, leaving the request open.
	 */
	protected Socket startPatch(String location, byte[] video, int sent) throws IOException {
		Socket socket = RawHttp.open(this.port);
		OutputStream out = socket.getOutputStream();
		out.write(("PATCH " + URI.create(location).getPath() + " HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\n"
				+ "X-Session-Id: " + this.owner.session() + "\r\nX-User-Name: " + this.owner.user()
				+ "\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: "
				+ video.length + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.write(video, 0, sent);
		out.flush();
		return socket;
	}

	/** The upload's id, the last segment of its URL. */
	protected static String id(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** A file's size while it is written; -1 before it exists. */
	protected static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The owner's video's recorded size; -1 before an upload is recorded. */
	protected long fileSize() {
		return this.jdbc.sql("SELECT COALESCE(file_size, -1) FROM video_info WHERE id = :vid")
			.param("vid", this.owner.vid())
			.query(Long.class)
			.single();
	}

}
