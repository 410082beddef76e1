package io.videoserver.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's tus client through the site's front, as the web UI's tus-js-client uses it:
 * creates an upload, sends it in chunks, asks for its offset; shared by the tests that
 * run on a {@link Cluster}.
 */
final class TusClient {

	static final int CHUNK = 256 * 1024;

	private final HttpClient http;

	private final String site;

	private final String user;

	private final String session;

	/**
	 * @param site the front's URL, which the upload URLs are on
	 */
	TusClient(HttpClient http, String site, String user, String session) {
		this.http = http;
		this.site = site;
		this.user = user;
		this.session = session;
	}

	/**
	 * Creates an upload of the video through the web UI's stream URL; answers its URL.
	 */
	String create(String vid, int length) throws IOException, InterruptedException {
		HttpResponse<String> created = send(
				request(HttpRequest.newBuilder(URI.create(this.site + "/stream/tus/videos/" + vid)))
					.header("Upload-Length", Integer.toString(length))
					.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.statusCode()).as("%s: %s", created.uri(), created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).as("the upload URL on the public host").startsWith(this.site + "/tus/uploads/");
		return location;
	}

	/**
	 * Sends the chunk of {@code film} at {@code offset}, {@link #CHUNK} bytes at most.
	 */
	HttpResponse<String> patch(String upload, int offset, byte[] film) throws IOException, InterruptedException {
		int length = Math.min(CHUNK, film.length - offset);
		return send(request(HttpRequest.newBuilder(URI.create(upload)).timeout(Duration.ofSeconds(60)))
			.header("Upload-Offset", Integer.toString(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(film, offset, length)));
	}

	/** The offset the server has stored, which a client resumes from. */
	long offset(String upload) throws IOException, InterruptedException {
		HttpResponse<String> head = send(request(HttpRequest.newBuilder(URI.create(upload))).method("HEAD",
				HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
	}

	/**
	 * Resumes the upload at its offset and sends the rest, as a client does after a
	 * failure: a 423 (the lease of a writer that failed or died still held) is tried
	 * again until the lease's time has passed.
	 * @return the longest answer to a chunk
	 */
	Duration finish(String upload, byte[] film) throws IOException, InterruptedException {
		Duration longest = Duration.ZERO;
		long lapsed = System.nanoTime() + Cluster.UPLOAD_LEASE_TTL.plusSeconds(10).toNanos();
		long offset = offset(upload);
		while (offset < film.length) {
			long sent = System.nanoTime();
			HttpResponse<String> answer = patch(upload, (int) offset, film);
			Duration took = Duration.ofNanos(System.nanoTime() - sent);
			longest = (took.compareTo(longest) > 0) ? took : longest;
			if (answer.statusCode() == 423 && System.nanoTime() < lapsed) {
				Thread.sleep(250);
				continue;
			}
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
			offset = Long.parseLong(answer.headers().firstValue("Upload-Offset").orElseThrow());
		}
		return longest;
	}

	/** The request with tus's version header and the user's session. */
	HttpRequest.Builder request(HttpRequest.Builder request) {
		return request.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", this.session)
			.header("X-User-Name", this.user);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
