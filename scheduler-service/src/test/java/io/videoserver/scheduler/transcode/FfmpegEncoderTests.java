package io.videoserver.scheduler.transcode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegEncoderTests {

	@Test
	void failureKeepsOnlyFfmpegsLastErrorLine() {
		assertThat(FfmpegEncoder.lastErrorLine(
				"ffmpeg failed (exit 183): Input #0, matroska | [in] Error parsing | source.mkv: Invalid data found when processing input"))
			.isEqualTo("ffmpeg failed (exit 183): source.mkv: Invalid data found when processing input");
	}

	@Test
	void failureWithOneLineStaysAsItIs() {
		assertThat(FfmpegEncoder.lastErrorLine("ffmpeg failed (exit 1): Conversion failed!"))
			.isEqualTo("ffmpeg failed (exit 1): Conversion failed!");
	}

	@Test
	void otherFailuresStayAsTheyAre() {
		assertThat(FfmpegEncoder.lastErrorLine("No space left on device | really"))
			.isEqualTo("No space left on device | really");
		assertThat(FfmpegEncoder.lastErrorLine(null)).isEqualTo("ffmpeg failed without a message");
	}

}
