package io.videoserver.shared.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.testmedia.TestMedia;
import io.videoserver.shared.testmedia.TestMedia.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class HlsTranscodeTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final MediaTools tools = MediaTools.of(MediaSettings.bundled());

	private final MediaProbe probe = new MediaProbe(this.tools, Duration.ofSeconds(30));

	@TempDir
	Path dir;

	@Test
	void anMp4BecomesALadderAPlayableMp4AndAPoster() throws Exception {
		Path source = TestMedia.create(this.dir, Sample.H264_AAC_MP4);
		MediaInfo info = this.probe.probe(source);
		List<Integer> progress = new CopyOnWriteArrayList<>();
		List<Rendition> rungs = List.of(new Rendition(120, 100, 128), new Rendition(240, 320, 128));
		HlsTranscode.Job job = HlsTranscode.Job.of(source, info, this.dir.resolve("v1"), TIMEOUT)
			.withRenditions(rungs)
			.withMp4(this.dir.resolve("video"))
			.withPoster(this.dir.resolve("poster.jpg"))
			.withProgress(progress::add);

		HlsTranscode.Result result = new HlsTranscode(this.tools, job).run();

		assertThat(result.renditions()).isEqualTo(rungs);
		assertThat(result.files()).allMatch(VideoLayout::isHlsFile)
			.contains("master.m3u8", "r120.m3u8", "r120-init.mp4", "r120-00000.m4s", "r240.m3u8", "r240-init.mp4",
					"r240-00000.m4s");
		try (var listed = Files.list(result.versionDir())) {
			assertThat(listed.map((file) -> file.getFileName().toString()).sorted().toList()).isEqualTo(result.files());
		}
		String master = Files.readString(result.versionDir().resolve("master.m3u8"));
		assertThat(master.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")))
			.containsExactly("r120.m3u8", "r240.m3u8");
		assertThat(master).contains("RESOLUTION=160x120", "RESOLUTION=320x240", "CODECS=\"avc1.", "mp4a.40.2",
				"BANDWIDTH=");
		assertThat(Files.readString(result.versionDir().resolve("r240.m3u8"))).contains("#EXT-X-PLAYLIST-TYPE:VOD",
				"#EXT-X-MAP:URI=\"r240-init.mp4\"", "#EXT-X-ENDLIST");
		assertThat(progress).isSorted().doesNotHaveDuplicates().last().isEqualTo(100);

		MediaInfo mp4 = this.probe.probe(result.mp4());
		assertThat(mp4.videoCodec()).isEqualTo("h264");
		assertThat(mp4.audioCodec()).isEqualTo("aac");
		assertThat(mp4.height()).isEqualTo(240);
		assertThat(mp4.durationMs()).isBetween(1900L, 2200L);
		assertThat(topLevelBoxes(result.mp4())).containsSubsequence("ftyp", "moov", "mdat");

		var poster = ImageIO.read(result.poster().toFile());
		assertThat(poster.getWidth()).isEqualTo(320);
		assertThat(result.elapsed()).isPositive();
	}

	@Test
	void aTurnedHevcMovBecomesAnUprightPortraitLadder() throws Exception {
		Path source = TestMedia.create(this.dir, Sample.HEVC_ROTATED_MOV);
		MediaInfo info = this.probe.probe(source);
		HlsTranscode.Result result = new HlsTranscode(this.tools,
				HlsTranscode.Job.of(source, info, this.dir.resolve("v1"), TIMEOUT))
			.run();

		assertThat(result.renditions()).extracting(Rendition::height).containsExactly(240);
		assertThat(Files.readString(result.versionDir().resolve("master.m3u8"))).contains("RESOLUTION=240x320");
		MediaInfo rung = this.probe.probe(result.versionDir().resolve("r240.m3u8"));
		assertThat(rung.videoCodec()).isEqualTo("h264");
		assertThat(rung.rotation()).isZero();
		assertThat(rung.width()).isEqualTo(240);
		assertThat(rung.height()).isEqualTo(320);
		assertThat(result.mp4()).isNull();
		assertThat(result.poster()).isNull();
	}

	@Test
	void aVariableRateSourceWithoutSoundBecomesConstantRateVideoOnly() throws Exception {
		Path source = TestMedia.create(this.dir, Sample.VFR_MP4);
		MediaInfo info = this.probe.probe(source);
		HlsTranscode.Result result = new HlsTranscode(this.tools,
				HlsTranscode.Job.of(source, info, this.dir.resolve("v1"), TIMEOUT).withMp4(this.dir.resolve("video")))
			.run();

		assertThat(Files.readString(result.versionDir().resolve("master.m3u8"))).doesNotContain("mp4a");
		MediaInfo mp4 = this.probe.probe(result.mp4());
		assertThat(mp4.audioCodec()).isNull();
		assertThat(mp4.variableFrameRate()).isFalse();
		assertThat(mp4.frameRate()).isCloseTo(24, within(0.01));
	}

	@Test
	void aFileFfmpegCannotReadFailsWithItsReasonAndLeavesNothing() throws Exception {
		Path source = TestMedia.create(this.dir, Sample.TEXT_MP4);
		MediaInfo claimed = LadderTests.source(320, 240, 0, 30, "aac");
		Path version = this.dir.resolve("v1");
		HlsTranscode transcode = new HlsTranscode(this.tools,
				HlsTranscode.Job.of(source, claimed, version, TIMEOUT).withMp4(this.dir.resolve("video")));

		assertThatIOException().isThrownBy(transcode::run)
			.withMessageStartingWith("ffmpeg failed (exit ")
			.withMessageContaining("Invalid data found when processing input");
		assertThat(version).doesNotExist();
		assertThat(this.dir.resolve("video")).doesNotExist();
	}

	@Test
	void aPublishedVersionIsNeverWrittenInto() throws Exception {
		Path version = Files.createDirectories(this.dir.resolve("v1"));
		Files.writeString(version.resolve("master.m3u8"), "#EXTM3U\n");
		HlsTranscode transcode = new HlsTranscode(this.tools, HlsTranscode.Job.of(this.dir.resolve("in.mp4"),
				LadderTests.source(320, 240, 0, 30, "aac"), version, TIMEOUT));

		assertThatIOException().isThrownBy(transcode::run).withMessageContaining("is not empty");
		assertThat(version.resolve("master.m3u8")).hasContent("#EXTM3U");
	}

	@Test
	void aVersionDirectoryWhosePathFfmpegWouldReadAsAPatternIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HlsTranscode.Job.of(this.dir.resolve("in.mp4"), LadderTests.source(320, 240, 0, 30, null),
					this.dir.resolve("100%d"), TIMEOUT))
			.withMessageStartingWith("A version directory's path may not contain %");
	}

	@Test
	void aTranscodeThatRunsTooLongIsKilled() throws Exception {
		HlsTranscode transcode = new HlsTranscode(sleepingFfmpeg(), HlsTranscode.Job.of(this.dir.resolve("in.mp4"),
				LadderTests.source(320, 240, 0, 30, "aac"), this.dir.resolve("v1"), Duration.ofMillis(300)));
		long start = System.nanoTime();

		assertThatExceptionOfType(TimeoutException.class).isThrownBy(transcode::run)
			.withMessage("The transcode took longer than PT0.3S");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(this.dir.resolve("v1")).doesNotExist();
	}

	@Test
	void aCancelledTranscodeIsKilled() throws Exception {
		HlsTranscode transcode = new HlsTranscode(sleepingFfmpeg(), HlsTranscode.Job.of(this.dir.resolve("in.mp4"),
				LadderTests.source(320, 240, 0, 30, "aac"), this.dir.resolve("v1"), TIMEOUT));
		Thread canceller = new Thread(() -> {
			sleep(300);
			transcode.cancel();
		});
		canceller.start();
		long start = System.nanoTime();

		assertThatExceptionOfType(CancellationException.class).isThrownBy(transcode::run);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		canceller.join();
		assertThat(this.dir.resolve("v1")).doesNotExist();
	}

	@Test
	void aTranscodeCancelledFromItsProgressStopsAtOnce() throws Exception {
		Path source = TestMedia.create(this.dir, Sample.H264_AAC_MP4);
		MediaInfo info = this.probe.probe(source);
		HlsTranscode[] transcode = new HlsTranscode[1];
		transcode[0] = new HlsTranscode(this.tools,
				HlsTranscode.Job.of(source, info, this.dir.resolve("v1"), TIMEOUT)
					.withMp4(this.dir.resolve("video"))
					.withProgress((percent) -> transcode[0].cancel()));

		assertThatExceptionOfType(CancellationException.class).isThrownBy(transcode[0]::run);
		assertThat(this.dir.resolve("v1")).doesNotExist();
		assertThat(this.dir.resolve("video")).doesNotExist();
	}

	/**
	 * An "ffmpeg" that only sleeps: a transcode that never ends, without using the CPU.
	 */
	private MediaTools sleepingFfmpeg() throws IOException {
		Path script = Files.writeString(this.dir.resolve("ffmpeg"), "#!/bin/sh\nexec sleep 60\n");
		script.toFile().setExecutable(true);
		return MediaTools.of(new MediaSettings(script, null, Duration.ofSeconds(30)));
	}

	private static List<String> topLevelBoxes(Path mp4) throws IOException {
		byte[] bytes = Files.readAllBytes(mp4);
		List<String> boxes = new java.util.ArrayList<>();
		for (int at = 0; at + 8 <= bytes.length;) {
			long size = ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
					| (bytes[at + 3] & 0xFF);
			boxes.add(new String(bytes, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
			if (size < 8) {
				break;
			}
			at += (int) size;
		}
		return boxes;
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
