package io.videoserver.stream.poster;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Crafted files are refused before JCodec allocates by what they claim: an exception, not
 * an {@link OutOfMemoryError} (which ends the service, run with
 * {@code -XX:+ExitOnOutOfMemoryError}, even when the poster's thread catches it).
 */
class FrameDecoderTests {

	private static final long MAX_PIXELS = 4096L * 2304;

	@TempDir
	Path dir;

	private final FrameDecoder decoder = new FrameDecoder();

	@Test
	void decodesAFrameOfAnH264File() throws Exception {
		Poster poster = decode(H264Mp4.solid(64, 48, 1, Color.RED, Color.RED));
		assertThat(poster.width()).isEqualTo(64);
		assertThat(poster.height()).isEqualTo(48);
	}

	@Test
	void spsLargerThanTheCapIsRefused() throws Exception {
		byte[] video = CraftedMp4.withSpsSize(H264Mp4.solid(64, 48, 1, Color.RED, Color.RED), 2875);
		assertThatExceptionOfType(InvalidStreamException.class).isThrownBy(() -> decode(video))
			.withMessageContaining("larger than");
	}

	@Test
	void tablesCountingFarMoreThanTheFileAreRefused() throws Exception {
		byte[] video = H264Mp4.solid(64, 48, 1, Color.RED, Color.RED);
		for (String table : new String[] { "stsz", "stts", "stsc", "stss" }) {
			byte[] crafted = CraftedMp4.withCount(video, table, 0x7FFF_FFF0);
			assertThatExceptionOfType(InvalidStreamException.class).as(table).isThrownBy(() -> decode(crafted));
		}
		byte[] hidden = CraftedMp4.withHiddenTable(video, 0x7FFF_FFF0);
		assertThatExceptionOfType(InvalidStreamException.class).as("in a skip box").isThrownBy(() -> decode(hidden));
	}

	private Poster decode(byte[] video) throws Exception {
		Path file = Files.write(this.dir.resolve("video.mp4"), video);
		return this.decoder.decode(file, 0, MAX_PIXELS);
	}

}
