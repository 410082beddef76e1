package io.videoserver.stream.mp4;

import java.awt.Color;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.videoserver.stream.poster.H264Mp4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AvcTrackTests {

	@TempDir
	Path dir;

	@Test
	void h264TrackGivesItsDecoderConfigurationAndLargestSample() throws Exception {
		Optional<AvcTrack> track = read(H264Mp4.solid(64, 48, 1, Color.RED, Color.RED));
		assertThat(track).hasValueSatisfying((avc) -> {
			assertThat(avc.decoderConfig().get(0)).as("configurationVersion").isEqualTo((byte) 1);
			assertThat(avc.largestSample()).isPositive();
		});
	}

	@Test
	void moovLargerThanTheDecodersBoundGivesNone() throws Exception {
		byte[] video = H264Mp4.solid(64, 48, 1, Color.RED, Color.RED);
		// moov last
		assertThat(boxType(video, video.length - moovSize(video))).isEqualTo("moov");
		int free = (int) AvcTrack.MAX_MOOV;
		byte[] grown = new byte[video.length + free];
		System.arraycopy(video, 0, grown, 0, video.length);
		ByteBuffer.wrap(grown).putInt(video.length, free).put(video.length + 4, "free".getBytes());
		int moov = video.length - moovSize(video);
		ByteBuffer.wrap(grown).putInt(moov, moovSize(video) + free);
		assertThat(read(grown)).isEmpty();
	}

	private Optional<AvcTrack> read(byte[] video) throws Exception {
		Path file = Files.write(this.dir.resolve("video.mp4"), video);
		try (FileChannel channel = FileChannel.open(file)) {
			return AvcTrack.read(channel);
		}
	}

	/** The size of the last top-level box, found by walking from the start. */
	private static int moovSize(byte[] video) {
		ByteBuffer buffer = ByteBuffer.wrap(video);
		long at = 0;
		long size = 0;
		while (at < video.length) {
			size = Integer.toUnsignedLong(buffer.getInt((int) at));
			if (size == 1) {
				size = buffer.getLong((int) at + 8);
			}
			at += size;
		}
		return (int) size;
	}

	private static String boxType(byte[] video, int at) {
		return new String(video, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

}
