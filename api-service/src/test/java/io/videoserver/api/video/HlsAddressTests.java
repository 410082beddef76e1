package io.videoserver.api.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HlsAddressTests {

	private static final String VID = "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11";

	@Test
	void aPublishedLadderIsItsMasterPlaylistOnTheStreamService() {
		assertThat(HlsAddress.masterPlaylist(VID, ladder("abc123")))
			.isEqualTo("/videos/" + VID + "/hls/abc123/master.m3u8");
	}

	@Test
	void noRowOrNoVersionIsNoLadder() {
		assertThat(HlsAddress.masterPlaylist(VID, null)).isNull();
		assertThat(HlsAddress.masterPlaylist(VID, ladder(null))).isNull();
	}

	@Test
	void aVersionOrIdOutsideTheStoresRulesIsNoLadder() {
		assertThat(HlsAddress.masterPlaylist(VID, ladder("../x"))).isNull();
		assertThat(HlsAddress.masterPlaylist(VID, ladder("ABC"))).isNull();
		assertThat(HlsAddress.masterPlaylist(VID, ladder("a".repeat(33)))).isNull();
		assertThat(HlsAddress.masterPlaylist("legacy id", ladder("abc"))).isNull();
	}

	@Test
	void heightsReadLowestFirstAndSkipWhatIsNoHeight() {
		assertThat(HlsAddress.heights("240,480,720")).containsExactly(240, 480, 720);
		assertThat(HlsAddress.heights(" 1080 ")).containsExactly(1080);
		assertThat(HlsAddress.heights("720,240,480")).containsExactly(240, 480, 720);
		assertThat(HlsAddress.heights("240,,x,0,-1,480")).containsExactly(240, 480);
		assertThat(HlsAddress.heights("")).isEmpty();
		assertThat(HlsAddress.heights(null)).isEmpty();
	}

	private static Transcode ladder(String version) {
		return new Transcode("upload", "ready", 100, null, version, "240");
	}

}
