package io.videoserver.stream.playback;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LadderFileTests {

	private static final String VID = VideoIds.newId();

	@Test
	void wellFormedPathsNameALadderFile() {
		assertThat(LadderFile.parse(VID + "/hls/v1/master.m3u8"))
			.isEqualTo(new LadderFile(new VideoId(VID), "v1", "master.m3u8"));
		assertThat(LadderFile.parse(VID + "/hls/" + "a".repeat(32) + "/r1080-00042.m4s")).isNotNull();
		assertThat(LadderFile.parse(VID + "/hls/0/r240-init.mp4")).isNotNull();
	}

	@Test
	void anythingElseIsLeftToTheController() {
		for (String path : new String[] { VID, VID + "/hls/v1", VID + "/hls/v1/", VID + "/hls//master.m3u8",
				VID + "/hls/V1/master.m3u8", VID + "/hls/" + "a".repeat(33) + "/master.m3u8",
				VID + "/hls/v1/master.m3u8/x", VID + "/hls/v1/../master.m3u8", VID + "/dash/v1/master.m3u8",
				VID.toUpperCase() + "/hls/v1/master.m3u8", "x/hls/v1/master.m3u8", "/hls/v1/master.m3u8",
				VID + "/hls/v1/r720.mp4", VID + "/hls/v1/r720-1.m4s", VID + "/x/hls/v1/master.m3u8" }) {
			assertThat(LadderFile.parse(path)).as(path).isNull();
		}
	}

	@Test
	void aVersionOrNameOutsideTheLayoutCannotBeMade() {
		VideoId vid = new VideoId(VID);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> new LadderFile(vid, "..", "master.m3u8"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> new LadderFile(vid, "v1", "../../x"));
	}

	@Test
	void playlistsAndSegmentsHaveTheirMediaTypes() {
		VideoId vid = new VideoId(VID);
		assertThat(new LadderFile(vid, "v1", "master.m3u8").contentType()).isEqualTo("application/vnd.apple.mpegurl");
		assertThat(new LadderFile(vid, "v1", "r480.m3u8").contentType()).isEqualTo("application/vnd.apple.mpegurl");
		assertThat(new LadderFile(vid, "v1", "r480-init.mp4").contentType()).isEqualTo("video/mp4");
		assertThat(new LadderFile(vid, "v1", "r480-00001.m4s").contentType()).isEqualTo("video/mp4");
	}

}
