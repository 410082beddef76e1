package io.videoserver.shared.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class MediaSettingsTests {

	@Test
	void nothingSetMeansTheBundledProgramsAndThirtySeconds() {
		MediaSettings settings = bind(Map.of("video.media.probe-timeout", "30s"));
		assertThat(settings).isEqualTo(MediaSettings.bundled());
		assertThat(bind(Map.of("video.other", "x"))).isEqualTo(MediaSettings.bundled());
	}

	@Test
	void programsAndTimeoutAreBoundFromTheirProperties() {
		MediaSettings settings = bind(Map.of("video.media.ffmpeg", "/usr/bin/ffmpeg", "video.media.ffprobe",
				"/usr/bin/ffprobe", "video.media.probe-timeout", "5s"));
		assertThat(settings).isEqualTo(
				new MediaSettings(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"), Duration.ofSeconds(5)));
	}

	@Test
	void anEmptyVariableStillMeansTheBundledProgram() {
		// What application.yml's "${VIDEO_FFMPEG:}" gives when the variable is unset.
		MediaSettings settings = bind(Map.of("video.media.ffmpeg", "", "video.media.ffprobe", ""));
		assertThat(MediaTools.of(settings).ffprobe().getFileName()).hasToString("ffprobe");
	}

	private static MediaSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("video.media",
				MediaSettings.class);
	}

}
