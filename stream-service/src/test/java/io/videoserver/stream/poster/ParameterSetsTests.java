package io.videoserver.stream.poster;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The header checks that keep JCodec's allocations bounded, on hand-made NAL units.
 */
class ParameterSetsTests {

	private static final long MAX_PIXELS = 4096L * 2304;

	@Test
	void spsUpToThePixelCapPassesAndOneMacroblockRowMoreDoesNot() throws Exception {
		ParameterSets sets = new ParameterSets(MAX_PIXELS);
		sets.check(nal(0x67, baselineSps(256, 144)));
		assertThat(sets.codedWidth()).isEqualTo(4096);
		assertThat(sets.codedHeight()).isEqualTo(2304);
		assertThatExceptionOfType(InvalidStreamException.class)
			.isThrownBy(() -> new ParameterSets(MAX_PIXELS).check(nal(0x67, baselineSps(256, 145))))
			.withMessageContaining("larger than");
	}

	@Test
	void spsWithAPictureOrderCycleBeyondTheStandardIsRefused() {
		Bits sps = new Bits().bits(66, 8).bits(0, 16).ue(0).ue(0).ue(1).bits(0, 1).se(0).se(0).ue(256);
		assertThatExceptionOfType(InvalidStreamException.class)
			.isThrownBy(() -> new ParameterSets(MAX_PIXELS).check(nal(0x67, sps)));
	}

	@Test
	void spsThatJcodecMisreadsIntoAHugeArrayIsRefused() {
		// read a byte early, 0x67 is the profile and these bits a cycle of 100000
		Bits misread = new Bits().bits(0x67, 8).bits(0, 16).ue(0).ue(0).ue(1).bits(0, 1).se(0).se(0).ue(100_000);
		assertThatExceptionOfType(InvalidStreamException.class)
			.isThrownBy(() -> ParameterSets.checkMisread(ByteBuffer.wrap(misread.bytes())));
		Bits fine = new Bits().bits(0x67, 8).bits(0, 16).ue(0).ue(0).ue(2).ue(1).bits(1, 1);
		assertThatNoException().isThrownBy(() -> ParameterSets.checkMisread(ByteBuffer.wrap(fine.bytes())));
	}

	@Test
	void ppsWithSliceGroupsIsRefused() {
		Bits pps = new Bits().ue(0).ue(0).bits(0, 2).ue(3).ue(0);
		assertThatExceptionOfType(InvalidStreamException.class)
			.isThrownBy(() -> new ParameterSets(MAX_PIXELS).check(nal(0x68, pps)))
			.withMessageContaining("slice groups");
	}

	@Test
	void sliceOfAnUnknownPictureParameterSetIsRefused() {
		Bits slice = new Bits().ue(0).ue(0).ue(5).bits(1, 8);
		assertThatExceptionOfType(InvalidStreamException.class)
			.isThrownBy(() -> new ParameterSets(MAX_PIXELS).check(nal(0x41, slice)));
	}

	private static Bits baselineSps(int widthInMbs, int heightInMbs) {
		return new Bits().bits(66, 8)
			.bits(0, 8)
			.bits(30, 8)
			.ue(0)
			.ue(0)
			.ue(2)
			.ue(1)
			.bits(0, 1)
			.ue(widthInMbs - 1)
			.ue(heightInMbs - 1)
			.bits(1, 1)
			.bits(1, 1)
			.bits(0, 1)
			.bits(0, 1)
			.bits(1, 1);
	}

	private static ByteBuffer nal(int header, Bits payload) {
		byte[] bytes = payload.bytes();
		return ByteBuffer.allocate(bytes.length + 1).put((byte) header).put(bytes).flip();
	}

}
