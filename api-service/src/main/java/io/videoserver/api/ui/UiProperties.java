package io.videoserver.api.ui;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The web UI's settings, bound from {@code video.stream-url} and
 * {@code video.upload.max-size}; kept apart from {@code ApiProperties} because only the
 * UI needs to know where the stream-service is and what it accepts.
 *
 * @param streamUrl the stream-service's base URL as browsers reach it; empty means the
 * page's own host on port 9000
 * @param upload what the stream-service accepts, so the page can say it before an upload
 */
@ConfigurationProperties("video")
record UiProperties(@DefaultValue("") String streamUrl, @DefaultValue Upload upload) {

	UiProperties {
		if (!streamUrl.isBlank()) {
			URI uri = URI.create(streamUrl.trim());
			if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				throw new IllegalArgumentException("video.stream-url must be an http(s) URL, not " + streamUrl);
			}
		}
	}

	/**
	 * @param maxSize the largest video file, the stream-service's
	 * {@code VIDEO_UPLOAD_MAX_SIZE}
	 */
	record Upload(@DefaultValue("1GB") DataSize maxSize) {
	}

}
