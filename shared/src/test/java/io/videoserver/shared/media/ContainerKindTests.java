package io.videoserver.shared.media;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerKindTests {

	@Test
	void anMp4OrMovIsKnownByItsFirstBoxType() {
		for (String box : new String[] { "ftyp", "moov", "mdat", "free", "skip", "wide", "pnot" }) {
			byte[] head = bytes("\0\0\0\u0020" + box + "isom");
			assertThat(ContainerKind.sniff(head, head.length)).as(box).isEqualTo(ContainerKind.MP4);
		}
	}

	@Test
	void matroskaAndWebmAreKnownByTheEbmlMagic() {
		byte[] head = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 1, 0, 0, 0 };
		assertThat(ContainerKind.sniff(head, head.length)).isEqualTo(ContainerKind.MATROSKA);
		assertThat(ContainerKind.sniff(head, 4)).isEqualTo(ContainerKind.MATROSKA);
	}

	@Test
	void anAviIsARiffFileOfFormAvi() {
		byte[] head = bytes("RIFF\u0010\u0020\0\0AVI ");
		assertThat(ContainerKind.sniff(head, head.length)).isEqualTo(ContainerKind.AVI);
		byte[] wave = bytes("RIFF\u0010\u0020\0\0WAVE");
		assertThat(ContainerKind.sniff(wave, wave.length)).isNull();
	}

	@Test
	void anythingElseOrTooFewBytesIsNothing() {
		byte[] text = bytes("This is text");
		assertThat(ContainerKind.sniff(text, text.length)).isNull();
		byte[] mp4 = bytes("\0\0\0\u0020ftypisom");
		assertThat(ContainerKind.sniff(mp4, 7)).isNull();
		byte[] avi = bytes("RIFF\u0010\u0020\0\0AVI ");
		assertThat(ContainerKind.sniff(avi, 11)).isNull();
		assertThat(ContainerKind.sniff(new byte[0], 0)).isNull();
		assertThat(ContainerKind.sniff(new byte[ContainerKind.HEAD], ContainerKind.HEAD)).isNull();
	}

	@Test
	void aLengthBeyondTheArrayIsCappedToIt() {
		byte[] head = bytes("\0\0\0\u0020ftyp");
		assertThat(ContainerKind.sniff(head, 100)).isEqualTo(ContainerKind.MP4);
	}

	private static byte[] bytes(String ascii) {
		return ascii.getBytes(StandardCharsets.ISO_8859_1);
	}

}
