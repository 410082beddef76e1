package io.videoserver.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client on a real connection, for what MockMvc skips: Tomcat's handling of forwarded
 * headers, concurrent requests, cookies as a browser receives them.
 */
public final class Http {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final Pattern SESSION_ID = Pattern.compile("\"session_id\":\"([^\"]+)\"");

	private final int port;

	public Http(int port) {
		this.port = port;
	}

	/**
	 * Sends a request.
	 * @param method the method
	 * @param path the path
	 * @param body a JSON body, or empty
	 * @param headers header names and values, alternating
	 * @return the answer
	 */
	public HttpResponse<String> send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (!body.isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a GET without a body.
	 * @param path the path
	 * @return the answer
	 */
	public HttpResponse<String> get(String path) {
		return send("GET", path, "");
	}

	/**
	 * Registers a user.
	 * @param name the user name
	 * @return the new session's id
	 */
	public String register(String name) {
		HttpResponse<String> response = send("POST", "/user", Api.credentials(name, Api.PASSWORD));
		assertThat(response.statusCode()).isEqualTo(201);
		Matcher session = SESSION_ID.matcher(response.body());
		assertThat(session.find()).isTrue();
		return session.group(1);
	}

	/**
	 * Creates a video the way a page of the given origin would, with the session headers.
	 * @param name the user
	 * @param sessionId the user's session
	 * @param origin the {@code Origin} header
	 * @param headers more header names and values, alternating
	 * @return the answer
	 */
	public HttpResponse<String> createVideo(String name, String sessionId, String origin, String... headers) {
		String[] all = Arrays.copyOf(headers, headers.length + 6);
		System.arraycopy(new String[] { "X-Session-Id", sessionId, "X-User-Name", name, "Origin", origin }, 0, all,
				headers.length, 6);
		return send("POST", "/user/" + name + "/videos", "{\"name\":\"cats\"}", all);
	}

	/**
	 * Logs in as a client behind a proxy that names it in {@code X-Forwarded-For}.
	 * @param name the user name
	 * @param password the password
	 * @param forwardedFor the header's value
	 * @return the answer
	 */
	public HttpResponse<String> logIn(String name, String password, String forwardedFor) {
		return send("POST", "/user/" + name, Api.credentials(name, password), "X-Forwarded-For", forwardedFor);
	}

}
