package io.videoserver.shared.store;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.VideoId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VideoLayoutTests {

	private final VideoId vid = new VideoId("0b6f1e3c-8d8a-4f43-9a11-2f5c1c7e9d10");

	@Test
	void aVideosFilesAreNamedAfterItsId() {
		assertThat(VideoLayout.video(this.vid)).isEqualTo("0b6f1e3c-8d8a-4f43-9a11-2f5c1c7e9d10");
		assertThat(VideoLayout.source(this.vid)).isEqualTo("0b6f1e3c-8d8a-4f43-9a11-2f5c1c7e9d10.source");
		assertThat(VideoLayout.hlsRoot(this.vid)).isEqualTo("0b6f1e3c-8d8a-4f43-9a11-2f5c1c7e9d10.hls");
		assertThat(VideoLayout.hlsFile(this.vid, "k3x9", "r480-00012.m4s"))
			.isEqualTo("0b6f1e3c-8d8a-4f43-9a11-2f5c1c7e9d10.hls/k3x9/r480-00012.m4s");
	}

	@Test
	void aLadderHoldsPlaylistsInitSegmentsAndNumberedSegments() {
		assertThat(VideoLayout.isHlsFile("master.m3u8")).isTrue();
		assertThat(VideoLayout.isHlsFile("r240.m3u8")).isTrue();
		assertThat(VideoLayout.isHlsFile("r1080-init.mp4")).isTrue();
		assertThat(VideoLayout.isHlsFile("r720-00001.m4s")).isTrue();
	}

	@Test
	void namesThatCouldLeaveTheLadderAreRefused() {
		for (String file : new String[] { "../master.m3u8", "master.m3u8/", "r24.m3u8", "r720-1.m4s", "r720-00001.ts",
				"R720.m3u8", "", "r720.m3u8\u0000", "r720/../../x" }) {
			assertThat(VideoLayout.isHlsFile(file)).as(file).isFalse();
		}
		for (String version : new String[] { "", "..", "a/b", "ABC", "a".repeat(33) }) {
			assertThat(VideoLayout.isVersion(version)).as(version).isFalse();
		}
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> VideoLayout.hlsFile(this.vid, "..", "r240.m3u8"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> VideoLayout.hlsFile(this.vid, "v1", "../x"));
	}

}
