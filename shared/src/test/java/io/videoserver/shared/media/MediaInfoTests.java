package io.videoserver.shared.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaInfoTests {

	@Test
	void aQuarterTurnSwapsTheDisplaySides() {
		assertThat(info("h264", 1920, 1080, 90, "aac").displayWidth()).isEqualTo(1080);
		assertThat(info("h264", 1920, 1080, 270, "aac").displayHeight()).isEqualTo(1920);
		assertThat(info("h264", 1920, 1080, 180, "aac").displayWidth()).isEqualTo(1920);
		assertThat(info("h264", 1920, 1080, 0, "aac").displayHeight()).isEqualTo(1080);
	}

	@Test
	void browsersPlayH264WithAacOrWithoutAudio() {
		assertThat(info("h264", 640, 360, 0, "aac").browserPlayable()).isTrue();
		assertThat(info("h264", 640, 360, 0, null).browserPlayable()).isTrue();
		assertThat(info("h264", 640, 360, 0, "mp3").browserPlayable()).isFalse();
		assertThat(info("hevc", 640, 360, 0, "aac").browserPlayable()).isFalse();
		assertThat(info("vp9", 640, 360, 0, "opus").browserPlayable()).isFalse();
	}

	static MediaInfo info(String codec, int width, int height, int rotation, String audio) {
		return new MediaInfo("mov,mp4,m4a,3gp,3g2,mj2", 2000, codec, width, height, rotation, 30, false, audio);
	}

}
