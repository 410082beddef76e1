package io.videoserver.stream.upload;

import io.videoserver.shared.media.MediaProbe;
import io.videoserver.shared.media.MediaSettings;
import io.videoserver.shared.media.MediaTools;
import io.videoserver.shared.transcode.TranscodeRequests;
import io.videoserver.stream.StreamProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared pieces an upload's completion calls: ffprobe ({@code VIDEO_FFPROBE}, else
 * the bundled one) for a video browsers cannot play as it is, and the transcoding queue's
 * one entry.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

	/**
	 * A configured program that is not there fails the start-up; the bundled one is
	 * unpacked on the first probe.
	 */
	@Bean
	MediaProbe mediaProbe(StreamProperties properties) {
		MediaSettings media = properties.media();
		return new MediaProbe(MediaTools.of(media), media.probeTimeout());
	}

	@Bean
	TranscodeRequests transcodeRequests(JdbcClient jdbc) {
		return new TranscodeRequests(jdbc);
	}

}
