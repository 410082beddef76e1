package io.videoserver.shared.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class LadderCheckTests {

	private static final List<Rendition> RUNGS = List.of(new Rendition(240, 320, 128), new Rendition(480, 1500, 128));

	@TempDir
	Path dir;

	@Test
	void aCompleteLadderIsListed() throws IOException {
		writeLadder();
		assertThat(LadderCheck.files(this.dir, RUNGS)).containsExactly("master.m3u8", "r240-00000.m4s",
				"r240-00001.m4s", "r240-init.mp4", "r240.m3u8", "r480-00000.m4s", "r480-00001.m4s", "r480-init.mp4",
				"r480.m3u8");
	}

	@Test
	void aFileTheStoreCannotNameIsRefused() throws IOException {
		writeLadder();
		Files.writeString(this.dir.resolve("init_0.mp4"), "x");
		assertThatIOException().isThrownBy(() -> LadderCheck.files(this.dir, RUNGS))
			.withMessage("ffmpeg wrote init_0.mp4, which a ladder may not hold");
	}

	@Test
	void aMissingSegmentIsRefused() throws IOException {
		writeLadder();
		Files.delete(this.dir.resolve("r480-00001.m4s"));
		assertThatIOException().isThrownBy(() -> LadderCheck.files(this.dir, RUNGS))
			.withMessage("r480.m3u8 refers to r480-00001.m4s, which is not a file of the ladder");
	}

	@Test
	void aMasterListingOtherRungsIsRefused() throws IOException {
		writeLadder();
		assertThatIOException().isThrownBy(() -> LadderCheck.files(this.dir, List.of(RUNGS.get(1))))
			.withMessage("The master playlist lists [r240.m3u8, r480.m3u8], not [r480.m3u8]");
	}

	@Test
	void aFileNoPlaylistRefersToIsRefused() throws IOException {
		writeLadder();
		Files.writeString(this.dir.resolve("r480-00002.m4s"), "x");
		assertThatIOException().isThrownBy(() -> LadderCheck.files(this.dir, RUNGS))
			.withMessage("The ladder holds files no playlist refers to: [r480-00002.m4s]");
	}

	@Test
	void aTreeIsDeletedWholeAndAMissingOneIsNoError() throws IOException {
		writeLadder();
		LadderCheck.deleteTree(this.dir);
		assertThat(this.dir).doesNotExist();
		LadderCheck.deleteTree(this.dir);
	}

	private void writeLadder() throws IOException {
		Files.writeString(this.dir.resolve("master.m3u8"), """
				#EXTM3U
				#EXT-X-VERSION:7
				#EXT-X-STREAM-INF:BANDWIDTH=187000,RESOLUTION=428x240,CODECS="avc1.640015,mp4a.40.2"
				r240.m3u8

				#EXT-X-STREAM-INF:BANDWIDTH=235744,RESOLUTION=854x480,CODECS="avc1.64001f,mp4a.40.2"
				r480.m3u8
				""");
		for (int height : new int[] { 240, 480 }) {
			Files.writeString(this.dir.resolve("r" + height + ".m3u8"), """
					#EXTM3U
					#EXT-X-TARGETDURATION:4
					#EXT-X-PLAYLIST-TYPE:VOD
					#EXT-X-MAP:URI="r%1$d-init.mp4"
					#EXTINF:4.000000,
					r%1$d-00000.m4s
					#EXTINF:1.000000,
					r%1$d-00001.m4s
					#EXT-X-ENDLIST
					""".formatted(height));
			for (String file : new String[] { "-init.mp4", "-00000.m4s", "-00001.m4s" }) {
				Files.writeString(this.dir.resolve("r" + height + file), "x");
			}
		}
	}

}
