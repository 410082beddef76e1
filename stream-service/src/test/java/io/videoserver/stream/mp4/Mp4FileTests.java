package io.videoserver.stream.mp4;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.videoserver.stream.mp4.TestMp4.FTYP;
import static io.videoserver.stream.mp4.TestMp4.box;
import static io.videoserver.stream.mp4.TestMp4.concat;
import static io.videoserver.stream.mp4.TestMp4.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Mp4FileTests {

	@TempDir
	Path dir;

	@Test
	void moovFirstFileIsFastStartAndTellsItsMedia() throws IOException {
		Mp4File mp4 = read(TestMp4.video().withAudio().build());
		assertThat(mp4.isFastStart()).isTrue();
		assertThat(mp4.info()).isEqualTo(new MediaInfo(10_000L, 320, 240, "avc1"));
	}

	@Test
	void moovLastFileIsNotFastStart() throws IOException {
		assertThat(read(TestMp4.video().moovLast().build()).isFastStart()).isFalse();
		assertThat(read(TestMp4.video().withFree().moovLast().wide(true).build()).isFastStart()).isFalse();
	}

	@Test
	void version1MovieHeaderAndOtherCodecsAreRead() throws IOException {
		Mp4File mp4 = read(TestMp4.video().duration(1, 90_000, 90_000L * 3600 * 30).video("hev1", 3840, 2160).build());
		assertThat(mp4.info()).isEqualTo(new MediaInfo(3600L * 30 * 1000, 3840, 2160, "hev1"));
	}

	@Test
	void unknownDurationAndSizeAreLeftOpen() throws IOException {
		Mp4File mp4 = read(TestMp4.video().duration(0, 600, 0xFFFF_FFFFL).video("av01", 0, 0).build());
		assertThat(mp4.info()).isEqualTo(new MediaInfo(null, null, null, "av01"));
	}

	@Test
	void realClipIsReadLikeFfprobeReadsIt() throws IOException {
		Mp4File mp4 = read(clip());
		assertThat(mp4.isFastStart()).isTrue();
		assertThat(mp4.info()).isEqualTo(new MediaInfo(10_000L, 320, 240, "avc1"));
	}

	@Test
	void largeMdatWithOffsetsBeyond4GiBIsRead() throws IOException {
		byte[] head = TestMp4.video().wide(true).largeMdat().build();
		TestBoxes.Found mdat = TestBoxes.find(head, "mdat");
		long far = 5L << 30;
		ByteBuffer patched = ByteBuffer.wrap(head).putLong((int) mdat.offset() + 8, far + 16);
		TestBoxes.Table table = TestBoxes.chunkTables(head).get(0);
		patched.putLong(table.position() + 16, far + 10);
		Path file = this.dir.resolve("sparse.mp4");
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.write(head);
			sparse.setLength(mdat.offset() + far + 16);
		}
		try (FileChannel channel = FileChannel.open(file)) {
			assertThat(Mp4File.read(channel).info().codec()).isEqualTo("avc1");
		}
	}

	@Test
	void filesThatAreNotMp4sAreRejected() {
		byte[] valid = TestMp4.video().build();
		assertInvalid(new byte[0], "ftyp");
		assertInvalid(new byte[] { 0, 0, 0, 8, 'f', 't' }, "truncated");
		assertInvalid(randomAfterFtyp(), "");
		assertInvalid(concat(box("free", new byte[8]), valid), "ftyp");
		assertInvalid(Arrays.copyOf(valid, valid.length - 1), "does not fit");
		assertInvalid(concat(valid, new byte[3]), "truncated");
		assertInvalid(concat(valid, u32(4), TestMp4.ascii("free")), "does not fit");
		assertInvalid(concat(valid, u32(1), TestMp4.ascii("free"), new byte[8]), "does not fit");
	}

	@Test
	void missingOrRepeatedBoxesAreRejected() {
		byte[] valid = TestMp4.video().build();
		TestBoxes.Found moov = TestBoxes.find(valid, "moov");
		byte[] moovBox = Arrays.copyOfRange(valid, (int) moov.offset(), (int) moov.end());
		assertInvalid(concat(FTYP, box("mdat", new byte[10])), "no 'moov'");
		assertInvalid(concat(valid, moovBox), "more than one 'moov'");
		assertInvalid(concat(FTYP, moovBox), "no mdat");
		byte[] mvhd = box("mvhd", ByteBuffer.allocate(100).putInt(12, 1000).array());
		assertInvalid(concat(FTYP, box("moov", mvhd), box("mdat", new byte[10])), "no track");
	}

	@Test
	void boxesThatOverrunTheirParentAreRejected() {
		byte[] valid = TestMp4.video().build();
		TestBoxes.Found moov = TestBoxes.find(valid, "moov");
		ByteBuffer.wrap(valid).putInt((int) moov.offset() + 8, 0);
		assertInvalid(valid, "does not fit");
		byte[] stretched = TestMp4.video().build();
		ByteBuffer.wrap(stretched).putInt((int) moov.offset() + 8, 1_000_000);
		assertInvalid(stretched, "does not fit");
	}

	@Test
	void chunkOffsetsOutsideTheMediaAreRejected() {
		byte[] file = TestMp4.video().build();
		TestBoxes.Table table = TestBoxes.chunkTables(file).get(0);
		ByteBuffer.wrap(file).putInt(table.position() + 4, 20);
		assertInvalid(file, "outside the media data");
		byte[] miscounted = TestMp4.video().build();
		ByteBuffer.wrap(miscounted).putInt(table.position() - 4, 4);
		assertInvalid(miscounted, "does not hold");
	}

	@Test
	void tooManyBoxesAreRejectedWithoutReadingThemAll() {
		ByteBuffer frees = ByteBuffer.allocate(8 * (BoxReader.MAX_BOXES + 1));
		while (frees.hasRemaining()) {
			frees.putInt(8).put(TestMp4.ascii("free"));
		}
		assertInvalid(concat(TestMp4.video().build(), frees.array()), "more than " + BoxReader.MAX_BOXES);
	}

	@Test
	void fragmentedFileWithMoovLastIsRejected() {
		byte[] withMoof = concat(TestMp4.video().moovLast().build(), box("moof", new byte[8]));
		assertInvalid(withMoof, "fragmented");
	}

	@Test
	void h264WithAacOrNoAudioPlaysInBrowsersAndOtherCodecsDoNot() throws IOException {
		assertThat(read(TestMp4.video().build()).browserPlayable()).isTrue();
		assertThat(read(TestMp4.video().withAudio().build()).browserPlayable()).isTrue();
		assertThat(read(TestMp4.video().video("avc3", 640, 360).build()).browserPlayable()).isTrue();
		assertThat(read(clip()).browserPlayable()).isTrue();
		assertThat(read(TestMp4.video().video("hev1", 640, 360).build()).browserPlayable()).isFalse();
		assertThat(read(TestMp4.video().video("hvc1", 640, 360).withAudio().build()).browserPlayable()).isFalse();
		assertThat(read(TestMp4.video().video("av01", 640, 360).build()).browserPlayable()).isFalse();
		assertThat(read(TestMp4.video().withAudio("Opus").build()).browserPlayable()).isFalse();
		assertThat(read(TestMp4.video().withAudio("ac-3").build()).browserPlayable()).isFalse();
	}

	@Test
	void cutOrMisplacedBoxesAreDamagedOtherRefusalsAreNot() {
		byte[] valid = TestMp4.video().build();
		assertDamaged(Arrays.copyOf(valid, valid.length - 1), true);
		assertDamaged(Arrays.copyOf(TestMp4.video().moovLast().build(), 500), true);
		assertDamaged(concat(valid, new byte[3]), true);
		byte[] misplaced = TestMp4.video().build();
		ByteBuffer.wrap(misplaced).putInt(TestBoxes.chunkTables(misplaced).get(0).position() + 4, 20);
		assertDamaged(misplaced, true);
		assertDamaged(concat(box("free", new byte[8]), valid), false);
		assertDamaged(concat(TestMp4.video().moovLast().build(), box("moof", new byte[8])), false);
		assertDamaged(concat(FTYP, box("mdat", new byte[10])), false);
	}

	private void assertDamaged(byte[] file, boolean damaged) {
		assertThatExceptionOfType(InvalidMp4Exception.class).isThrownBy(() -> read(file))
			.satisfies((ex) -> assertThat(ex.damaged()).as(ex.getMessage()).isEqualTo(damaged));
	}

	private byte[] randomAfterFtyp() {
		byte[] noise = new byte[4096];
		new Random(3).nextBytes(noise);
		return concat(FTYP, noise);
	}

	private void assertInvalid(byte[] file, String message) {
		assertThatExceptionOfType(InvalidMp4Exception.class).isThrownBy(() -> read(file))
			.withMessageContaining(message);
	}

	private Mp4File read(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(this.dir, "video", ".mp4");
		Files.write(file, bytes);
		try (FileChannel channel = FileChannel.open(file)) {
			return Mp4File.read(channel);
		}
	}

	/** The e2e tests' clip: a 10 s 320x240 H.264 test pattern, moov first. */
	static byte[] clip() throws IOException {
		return resource("clip.mp4");
	}

	static byte[] resource(String name) throws IOException {
		try (InputStream clip = Mp4FileTests.class.getResourceAsStream("/mp4/" + name)) {
			return clip.readAllBytes();
		}
	}

}
