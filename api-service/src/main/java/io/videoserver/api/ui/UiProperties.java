package io.videoserver.api.ui;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web UI's one setting, bound from {@code video.stream-url}; kept apart from
 * {@code ApiProperties} because only the UI needs to know where the stream-service is.
 *
 * @param streamUrl the stream-service's base URL as browsers reach it; empty means the
 * page's own host on port 9000, and a path such as {@code /stream} means that path on the
 * page's own origin (one public host whose front routes it to the stream-service)
 */
@ConfigurationProperties("video")
record UiProperties(@DefaultValue("") String streamUrl) {

	UiProperties {
		if (!streamUrl.isBlank() && !isPath(streamUrl)) {
			URI uri = URI.create(streamUrl.trim());
			if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				throw new IllegalArgumentException("video.stream-url must be an http(s) URL, not " + streamUrl);
			}
		}
	}

	static boolean isPath(String streamUrl) {
		String trimmed = streamUrl.trim();
		return trimmed.startsWith("/") && !trimmed.startsWith("//");
	}

}
