package io.videoserver.api.ui;

import java.net.URI;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Works out the stream-service's origin as the browser of one request must use it. The
 * session cookie is SameSite=Strict, so the stream-service must be on the same site as
 * the page: a configured loopback URL follows the loopback name the page was opened with
 * ({@code localhost} or {@code 127.0.0.1}), or the browser would not send the cookie. A
 * configured path puts the stream-service on the page's own origin, behind the single
 * front that routes that path (see the README's "Running several replicas").
 */
@Component
class StreamOrigin {

	static final int DEFAULT_PORT = 9000;

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final String configured;

	StreamOrigin(UiProperties properties) {
		this.configured = properties.streamUrl().trim().replaceAll("/+$", "");
	}

	String forRequest(HttpServletRequest request) {
		String pageHost = host(request.getServerName());
		if (this.configured.isEmpty()) {
			return request.getScheme() + "://" + pageHost + ":" + DEFAULT_PORT;
		}
		if (UiProperties.isPath(this.configured)) {
			return request.getScheme() + "://" + pageHost + port(request) + this.configured;
		}
		URI uri = URI.create(this.configured);
		if (uri.getHost() != null && LOOPBACK.contains(uri.getHost()) && LOOPBACK.contains(pageHost)
				&& !uri.getHost().equals(pageHost)) {
			String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
			return uri.getScheme() + "://" + pageHost + port + (uri.getRawPath() != null ? uri.getRawPath() : "");
		}
		return this.configured;
	}

	/**
	 * The origin part alone (no path), for the Content-Security-Policy.
	 */
	String originForRequest(HttpServletRequest request) {
		URI uri = URI.create(forRequest(request));
		String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
		return uri.getScheme() + "://" + uri.getHost() + port;
	}

	/** The page's port as its URL shows it: none for the scheme's default. */
	private static String port(HttpServletRequest request) {
		int port = request.getServerPort();
		boolean implied = port <= 0 || ("https".equals(request.getScheme()) && port == 443)
				|| ("http".equals(request.getScheme()) && port == 80);
		return implied ? "" : ":" + port;
	}

	private static String host(String serverName) {
		return (serverName.contains(":") && !serverName.startsWith("[")) ? "[" + serverName + "]" : serverName;
	}

}
