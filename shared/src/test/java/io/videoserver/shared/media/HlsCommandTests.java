package io.videoserver.shared.media;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HlsCommandTests {

	private final Path ffmpeg = Path.of("/opt/ffmpeg");

	@Test
	void everyRungIsOneVariantStreamWithItsAudioAndItsName() {
		MediaInfo info = LadderTests.source(1280, 720, 0, 30, "aac");
		List<String> command = HlsCommand.hls(this.ffmpeg, Path.of("/v/in"), info, Ladder.of(info), Path.of("/v/out"));
		assertThat(command).containsSubsequence("-i", "file:/v/in")
			.containsSubsequence("-var_stream_map", "v:0,a:0,name:240 v:1,a:1,name:480 v:2,a:2,name:720")
			.containsSubsequence("-maxrate:v:2", "2800k", "-bufsize:v:2", "5600k")
			.containsSubsequence("-c:a", "aac", "-b:a", "128k")
			.containsSubsequence("-force_key_frames", "expr:gte(t,n_forced*4)", "-sc_threshold", "0")
			.containsSubsequence("-hls_segment_type", "fmp4")
			.containsSubsequence("-hls_fmp4_init_filename", "r%v-init.mp4", "-hls_segment_filename",
					"/v/out/r%v-%05d.m4s", "-master_pl_name", "master.m3u8")
			.endsWith("/v/out/r%v.m3u8");
		assertThat(String.join(" ", command)).contains("-map [v0] -map 0:a:0 -map [v1] -map 0:a:0");
	}

	@Test
	void aSilentSourceGetsNoAudioStreams() {
		MediaInfo info = LadderTests.source(854, 480, 0, 30, null);
		List<String> command = HlsCommand.hls(this.ffmpeg, Path.of("/v/in"), info, Ladder.of(info), Path.of("/v/out"));
		assertThat(command).doesNotContain("0:a:0", "-c:a")
			.containsSubsequence("-var_stream_map", "v:0,name:240 v:1,name:480");
	}

	@Test
	void aSingleRungsInitSegmentIsNamedWithoutThePlaceholder() {
		MediaInfo info = LadderTests.source(320, 240, 0, 30, "aac");
		assertThat(HlsCommand.hls(this.ffmpeg, Path.of("/v/in"), info, Ladder.of(info), Path.of("/v/out")))
			.containsSubsequence("-hls_fmp4_init_filename", "r240-init.mp4")
			.containsSubsequence("-var_stream_map", "v:0,a:0,name:240");
	}

	@Test
	void theGraphMakesTheRateConstantThenScalesEachRungBySmallerSide() {
		MediaInfo landscape = LadderTests.source(1280, 720, 0, 25, "aac");
		assertThat(HlsCommand.filters(landscape, Ladder.of(landscape)))
			.isEqualTo("[0:V:0]fps=25,split=3[s0][s1][s2];[s0]scale=-2:240,format=yuv420p[v0];"
					+ "[s1]scale=-2:480,format=yuv420p[v1];[s2]scale=-2:720,format=yuv420p[v2]");
		MediaInfo turned = LadderTests.source(640, 480, 90, 30, "aac");
		assertThat(HlsCommand.filters(turned, Ladder.of(turned)))
			.isEqualTo("[0:V:0]fps=30,split=2[s0][s1];[s0]scale=240:-2,format=yuv420p[v0];"
					+ "[s1]scale=480:-2,format=yuv420p[v1]");
	}

	@Test
	void theOutputRateKeepsTheSourcesOrAStandardOneForAVariableSource() {
		assertThat(HlsCommand.outputRate(rate(25, false))).isEqualTo("25");
		assertThat(HlsCommand.outputRate(rate(30000.0 / 1001, false))).isEqualTo("30000/1001");
		assertThat(HlsCommand.outputRate(rate(2997.0 / 100, false))).isEqualTo("30000/1001");
		assertThat(HlsCommand.outputRate(rate(24000.0 / 1001, false))).isEqualTo("24000/1001");
		assertThat(HlsCommand.outputRate(rate(12.5, false))).isEqualTo("12.500");
		assertThat(HlsCommand.outputRate(rate(120, false))).isEqualTo("60");
		assertThat(HlsCommand.outputRate(rate(0, false))).isEqualTo("30");
		assertThat(HlsCommand.outputRate(rate(13.9, true))).isEqualTo("24");
		assertThat(HlsCommand.outputRate(rate(29.5, true))).isEqualTo("30");
		assertThat(HlsCommand.outputRate(rate(30.005, true))).isEqualTo("30");
		assertThat(HlsCommand.outputRate(rate(90, true))).isEqualTo("60");
	}

	@Test
	void thePosterIsTakenATenthInButAtLeastASecondAndBeforeTheMiddle() {
		assertThat(HlsCommand.posterAtMs(600_000)).isEqualTo(60_000);
		assertThat(HlsCommand.posterAtMs(5_000)).isEqualTo(1_000);
		assertThat(HlsCommand.posterAtMs(1_000)).isEqualTo(500);
		assertThat(HlsCommand.posterAtMs(0)).isZero();
		assertThat(HlsCommand.poster(this.ffmpeg, Path.of("/v/in"), LadderTests.source(640, 480, 0, 30, null),
				Path.of("/v/poster.jpg")))
			.containsSubsequence("-ss", "1.000", "-i", "file:/v/in", "-frames:v", "1", "-vf", "scale='min(640,iw)':-2")
			.endsWith("/v/poster.jpg");
	}

	@Test
	void theMp4IsACopyOfTheTopRungWithItsIndexFirst() {
		assertThat(HlsCommand.mp4(this.ffmpeg, Path.of("/v/out/r720.m3u8"), Path.of("/v/video"))).containsSubsequence(
				"-i", "file:/v/out/r720.m3u8", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", "/v/video");
	}

	private static MediaInfo rate(double rate, boolean variable) {
		return new MediaInfo("matroska,webm", 1000, "h264", 640, 480, 0, rate, variable, null);
	}

}
