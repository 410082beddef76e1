package io.videoserver.shared.media;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.videoserver.shared.testmedia.TestMedia;
import io.videoserver.shared.testmedia.TestMedia.Sample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class MediaProbeTests {

	@TempDir
	static Path dir;

	static Map<Sample, Path> files;

	private final MediaProbe probe = new MediaProbe(MediaTools.of(MediaSettings.bundled()), Duration.ofSeconds(30));

	@BeforeAll
	static void makeSamples() {
		files = TestMedia.createAll(dir);
	}

	@Test
	void anH264AacMp4IsPlayableInBrowsers() throws Exception {
		MediaInfo info = this.probe.probe(files.get(Sample.H264_AAC_MP4));
		assertThat(info.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
		assertThat(info.videoCodec()).isEqualTo("h264");
		assertThat(info.audioCodec()).isEqualTo("aac");
		assertThat(info.width()).isEqualTo(320);
		assertThat(info.height()).isEqualTo(240);
		assertThat(info.rotation()).isZero();
		assertThat(info.durationMs()).isBetween(1900L, 2100L);
		assertThat(info.frameRate()).isCloseTo(30, within(0.01));
		assertThat(info.variableFrameRate()).isFalse();
		assertThat(info.browserPlayable()).isTrue();
	}

	@Test
	void aRotatedHevcMovIsShownUpright() throws Exception {
		MediaInfo info = this.probe.probe(files.get(Sample.HEVC_ROTATED_MOV));
		assertThat(info.videoCodec()).isEqualTo("hevc");
		assertThat(info.rotation()).isEqualTo(90);
		assertThat(info.displayWidth()).isEqualTo(240);
		assertThat(info.displayHeight()).isEqualTo(320);
		assertThat(info.browserPlayable()).isFalse();
	}

	@Test
	void webmMatroskaAndAviAreReadWithTheirCodecs() throws Exception {
		MediaInfo webm = this.probe.probe(files.get(Sample.VP9_OPUS_WEBM));
		assertThat(webm.container()).isEqualTo("matroska,webm");
		assertThat(webm.videoCodec()).isEqualTo("vp9");
		assertThat(webm.audioCodec()).isEqualTo("opus");
		MediaInfo mkv = this.probe.probe(files.get(Sample.H264_AAC_MKV));
		assertThat(mkv.container()).isEqualTo("matroska,webm");
		assertThat(mkv.videoCodec()).isEqualTo("h264");
		assertThat(mkv.audioCodec()).isEqualTo("aac");
		MediaInfo avi = this.probe.probe(files.get(Sample.AVI));
		assertThat(avi.container()).isEqualTo("avi");
		assertThat(avi.videoCodec()).isEqualTo("mpeg4");
		assertThat(avi.audioCodec()).isEqualTo("mp3");
		assertThat(avi.durationMs()).isBetween(1900L, 2200L);
	}

	@Test
	void aVariableFrameRateIsFlagged() throws Exception {
		MediaInfo info = this.probe.probe(files.get(Sample.VFR_MP4));
		assertThat(info.variableFrameRate()).isTrue();
		assertThat(info.frameRate()).isLessThan(20);
	}

	@Test
	void aVideoWithoutSoundHasNoAudioCodec() throws Exception {
		MediaInfo info = this.probe.probe(files.get(Sample.NO_AUDIO_MP4));
		assertThat(info.audioCodec()).isNull();
		assertThat(info.browserPlayable()).isTrue();
	}

	@Test
	void aTruncatedMp4IsNotAVideoAndSaysWhy() {
		assertThatExceptionOfType(NotAVideoException.class)
			.isThrownBy(() -> this.probe.probe(files.get(Sample.TRUNCATED_MP4)))
			.withMessage("The file could not be read as a video: moov atom not found");
	}

	@Test
	void aTextFileNamedMp4IsNotAVideoAndTheMessageDoesNotCarryItsPath() {
		assertThatExceptionOfType(NotAVideoException.class)
			.isThrownBy(() -> this.probe.probe(files.get(Sample.TEXT_MP4)))
			.withMessageStartingWith("The file could not be read as a video: ")
			.withMessageNotContaining(dir.toString());
	}

	@Test
	void ffprobesLogContextAndThePathAreLeftOutOfTheReason() {
		assertThat(MediaProbe.plainReason("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55683d37eb40] moov atom not found",
				"file:/tmp/x.mp4"))
			.isEqualTo("moov atom not found");
		assertThat(
				MediaProbe.plainReason("file:/tmp/x.mp4: Invalid data found when processing input", "file:/tmp/x.mp4"))
			.isEqualTo("Invalid data found when processing input");
		assertThat(MediaProbe.plainReason("Something else", "file:/tmp/x.mp4")).isEqualTo("Something else");
	}

	@Test
	void aMissingFileIsAnIoErrorNotABadVideo() {
		assertThatExceptionOfType(NoSuchFileException.class)
			.isThrownBy(() -> this.probe.probe(dir.resolve("missing.mp4")));
	}

}
