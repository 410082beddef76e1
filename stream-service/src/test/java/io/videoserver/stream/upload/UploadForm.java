package io.videoserver.stream.upload;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

/**
 * A form upload ({@code POST /upload/{vid}}) as a browser's form sends it: text fields
 * and files in {@code multipart/form-data}, signed with the original's headers.
 */
final class UploadForm {

	private final String boundary = "----form" + System.nanoTime();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	UploadForm field(String name, String value) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n");
		return this;
	}

	UploadForm file(String name, String filename, String contentType, byte[] content) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		this.body.writeBytes(content);
		write("\r\n");
		return this;
	}

	HttpRequest.Builder post(URI target, String session, String user) {
		write("--" + this.boundary + "--\r\n");
		return HttpRequest.newBuilder(target)
			.header("Content-Type", "multipart/form-data; boundary=" + this.boundary)
			.header("X-Session-Id", session)
			.header("X-User-Name", user)
			.POST(BodyPublishers.ofByteArray(this.body.toByteArray()));
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}

}
