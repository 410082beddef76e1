package io.videoserver.stream.mp4;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FastStartTests {

	@TempDir
	Path dir;

	@Test
	void moovLastFileIsRewrittenToExactlyTheMoovFirstFile() throws IOException {
		TestMp4 mp4 = TestMp4.video().withAudio().withFree().chunks(50, 1000);
		byte[] moovLast = mp4.moovLast().build();
		byte[] rewritten = fastStart(moovLast, FastStart.MAX_32_BIT);
		assertThat(rewritten).isEqualTo(mp4.moovFirst(true).build());
		assertSameChunks(moovLast, rewritten, mp4.chunkSize());
		assertThat(types(rewritten)).containsExactly("ftyp", "moov", "free", "mdat");
	}

	@Test
	void sixtyFourBitOffsetsAndLargeMdatHeaderAreRewritten() throws IOException {
		TestMp4 mp4 = TestMp4.video().wide(true).largeMdat().withAudio().chunks(20, 333);
		byte[] moovLast = mp4.moovLast().build();
		byte[] rewritten = fastStart(moovLast, FastStart.MAX_32_BIT);
		assertThat(rewritten).isEqualTo(mp4.moovFirst(true).build());
		assertSameChunks(moovLast, rewritten, mp4.chunkSize());
	}

	@Test
	void thirtyTwoBitTablesThatWouldOverflowBecomeSixtyFourBit() throws IOException {
		TestMp4 mp4 = TestMp4.video().withAudio().chunks(40, 500);
		byte[] moovLast = mp4.moovLast().build();
		byte[] rewritten = fastStart(moovLast, 20_000);
		assertThat(rewritten).isEqualTo(mp4.moovFirst(true).wide(true).build());
		assertThat(TestBoxes.chunkTables(rewritten)).allMatch(TestBoxes.Table::wide);
		assertSameChunks(moovLast, rewritten, mp4.chunkSize());
		assertThat(read(rewritten).isFastStart()).isTrue();
	}

	@Test
	void offsetsThatStillFitStayThirtyTwoBit() throws IOException {
		byte[] moovLast = TestMp4.video().chunks(40, 500).moovLast().build();
		byte[] rewritten = fastStart(moovLast, 1_000_000);
		assertThat(TestBoxes.chunkTables(rewritten)).noneMatch(TestBoxes.Table::wide);
		assertThat(rewritten).hasSameSizeAs(moovLast);
	}

	@Test
	void realClipWithItsMoovMovedLastIsRewrittenToTheOriginal() throws IOException {
		byte[] clip = Mp4FileTests.clip();
		byte[] moovLast = TestBoxes.moveMoovToEnd(clip);
		assertThat(types(moovLast)).containsExactly("ftyp", "free", "mdat", "moov");
		assertThat(read(moovLast).info()).isEqualTo(read(clip).info());
		assertThat(fastStart(moovLast, FastStart.MAX_32_BIT)).isEqualTo(clip);
	}

	/**
	 * {@code ffmpeg} writes moov last unless told otherwise; the pair of files is its own
	 * output and its {@code -movflags +faststart} remux of it (H.264 and AAC tracks).
	 */
	@Test
	void ffmpegMoovLastFileIsRewrittenExactlyAsFfmpegsFaststart() throws IOException {
		byte[] moovLast = Mp4FileTests.resource("moov-last.mp4");
		assertThat(read(moovLast).info()).isEqualTo(new MediaInfo(1000L, 160, 120, "avc1"));
		assertThat(fastStart(moovLast, FastStart.MAX_32_BIT))
			.isEqualTo(Mp4FileTests.resource("moov-last-ffmpeg-faststart.mp4"));
	}

	/**
	 * Each chunk offset of the new file points at the bytes its counterpart pointed at.
	 */
	private static void assertSameChunks(byte[] before, byte[] after, int chunkSize) {
		List<TestBoxes.Table> old = TestBoxes.chunkTables(before);
		List<TestBoxes.Table> moved = TestBoxes.chunkTables(after);
		assertThat(moved).hasSameSizeAs(old);
		for (int t = 0; t < old.size(); t++) {
			long[] from = old.get(t).offsets();
			long[] to = moved.get(t).offsets();
			assertThat(to).hasSameSizeAs(from).isNotEqualTo(from);
			for (int i = 0; i < from.length; i++) {
				assertThat(Arrays.copyOfRange(after, (int) to[i], (int) to[i] + chunkSize))
					.isEqualTo(Arrays.copyOfRange(before, (int) from[i], (int) from[i] + chunkSize));
			}
		}
	}

	private static List<String> types(byte[] file) {
		return TestBoxes.topLevel(file).stream().map(TestBoxes.Found::type).toList();
	}

	private byte[] fastStart(byte[] bytes, long max32Bit) throws IOException {
		Path in = Files.write(Files.createTempFile(this.dir, "in", ".mp4"), bytes);
		Path out = this.dir.resolve("out-" + System.nanoTime() + ".mp4");
		try (FileChannel source = FileChannel.open(in);
				FileChannel target = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			Mp4File mp4 = Mp4File.read(source);
			assertThat(mp4.isFastStart()).isFalse();
			mp4.writeFastStart(source, target, max32Bit);
		}
		return Files.readAllBytes(out);
	}

	private Mp4File read(byte[] bytes) throws IOException {
		Path file = Files.write(Files.createTempFile(this.dir, "video", ".mp4"), bytes);
		try (FileChannel channel = FileChannel.open(file)) {
			return Mp4File.read(channel);
		}
	}

}
