package io.videoserver.shared.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class ProbeJsonTests {

	@Test
	void aRotatedHevcMovIsDescribedFromItsFirstVideoAndAudioStreams() throws Exception {
		MediaInfo info = ProbeJson.parse(sample("hevc-rotated-mov.json"));
		assertThat(info)
			.isEqualTo(new MediaInfo("mov,mp4,m4a,3gp,3g2,mj2", 2000, "hevc", 320, 240, 90, 30, false, "aac"));
		assertThat(info.displayWidth()).isEqualTo(240);
	}

	@Test
	void aVariableFrameRateIsFlaggedAndTheAverageKept() throws Exception {
		MediaInfo info = ProbeJson.parse(sample("vfr-mp4.json"));
		assertThat(info.variableFrameRate()).isTrue();
		assertThat(info.frameRate()).isCloseTo(125.0 / 9, within(1e-9));
		assertThat(info.durationMs()).isEqualTo(1800);
		assertThat(info.audioCodec()).isNull();
	}

	@Test
	void aRateThatDiffersOnlyByRoundingIsConstant() throws Exception {
		MediaInfo info = ProbeJson.parse(video("\"r_frame_rate\": \"30000/1001\", \"avg_frame_rate\": \"2997/100\""));
		assertThat(info.variableFrameRate()).isFalse();
		assertThat(info.frameRate()).isCloseTo(29.97, within(1e-9));
	}

	@Test
	void anUnknownAverageRateFallsBackToTheBaseRate() throws Exception {
		MediaInfo info = ProbeJson.parse(video("\"r_frame_rate\": \"25/1\", \"avg_frame_rate\": \"0/0\""));
		assertThat(info.frameRate()).isEqualTo(25);
		assertThat(info.variableFrameRate()).isFalse();
	}

	@Test
	void theOldRotateTagCountsClockwise() throws Exception {
		assertThat(ProbeJson.parse(video("\"tags\": {\"rotate\": \"270\"}")).rotation()).isEqualTo(270);
		assertThat(ProbeJson.parse(video("\"tags\": {\"rotate\": \"-90\"}")).rotation()).isEqualTo(270);
	}

	@Test
	void theDisplayMatrixCountsCounterClockwiseAndIsRoundedToQuarterTurns() throws Exception {
		assertThat(ProbeJson.parse(video(matrix("90"))).rotation()).isEqualTo(270);
		assertThat(ProbeJson.parse(video(matrix("-180"))).rotation()).isEqualTo(180);
		assertThat(ProbeJson.parse(video(matrix("180.00"))).rotation()).isEqualTo(180);
		assertThat(ProbeJson.parse(video(matrix("-89.9"))).rotation()).isEqualTo(90);
		assertThat(ProbeJson.parse(video(matrix("0"))).rotation()).isZero();
		assertThat(ProbeJson.parse(video(matrix("-90") + ", \"tags\": {\"rotate\": \"180\"}")).rotation())
			.as("the matrix wins over the tag")
			.isEqualTo(90);
	}

	@Test
	void theDurationComesFromTheStreamWhenTheFormatHasNone() throws Exception {
		String json = """
				{"streams": [{"codec_type": "video", "codec_name": "h264", "width": 64, "height": 48,
				  "duration": "3.0405"}],
				 "format": {"format_name": "matroska,webm"}}""";
		assertThat(ProbeJson.parse(json).durationMs()).isEqualTo(3041);
	}

	@Test
	void audioWithACoverPictureHasNoVideoStream() {
		String json = """
				{"streams": [
				  {"codec_type": "audio", "codec_name": "mp3"},
				  {"codec_type": "video", "codec_name": "mjpeg", "width": 500, "height": 500,
				   "disposition": {"attached_pic": 1}}],
				 "format": {"format_name": "mp3", "duration": "180.0"}}""";
		assertThatExceptionOfType(NotAVideoException.class).isThrownBy(() -> ProbeJson.parse(json))
			.withMessage("The file has no video stream");
	}

	@Test
	void aStillImageIsNotAVideo() {
		String json = """
				{"streams": [{"codec_type": "video", "codec_name": "png", "width": 500, "height": 500}],
				 "format": {"format_name": "png_pipe"}}""";
		assertThatExceptionOfType(NotAVideoException.class).isThrownBy(() -> ProbeJson.parse(json))
			.withMessage("The file is a still image, not a video");
	}

	@Test
	void aVideoStreamWithoutAPictureSizeIsNotAVideo() {
		String json = """
				{"streams": [{"codec_type": "video", "codec_name": "h264", "width": 0}],
				 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "1.0"}}""";
		assertThatExceptionOfType(NotAVideoException.class).isThrownBy(() -> ProbeJson.parse(json))
			.withMessage("The file's video stream has no picture size");
	}

	@Test
	void somethingOtherThanJsonIsNotAVideo() {
		assertThatExceptionOfType(NotAVideoException.class).isThrownBy(() -> ProbeJson.parse("{\"streams\": ["))
			.withMessageStartingWith("The file could not be read as a video");
	}

	@Test
	void ratesAreFractionsOrNumbers() {
		assertThat(ProbeJson.rate("30000/1001")).isCloseTo(29.97, within(0.001));
		assertThat(ProbeJson.rate("25")).isEqualTo(25);
		assertThat(ProbeJson.rate("0/0")).isZero();
		assertThat(ProbeJson.rate("1/0")).isZero();
		assertThat(ProbeJson.rate("N/A")).isZero();
		assertThat(ProbeJson.rate("")).isZero();
	}

	private static String video(String properties) {
		return """
				{"streams": [{"codec_type": "video", "codec_name": "h264", "width": 1280, "height": 720, %s}],
				 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "10.000000"}}"""
			.formatted(properties);
	}

	private static String matrix(String rotation) {
		return "\"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": " + rotation + "}]";
	}

	private static String sample(String name) throws IOException {
		try (InputStream in = ProbeJsonTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
