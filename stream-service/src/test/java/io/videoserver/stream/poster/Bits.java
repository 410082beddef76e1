package io.videoserver.stream.poster;

/** Writes the bits of an H.264 header, for tests. */
final class Bits {

	private final StringBuilder bits = new StringBuilder();

	Bits bits(long value, int count) {
		for (int i = count - 1; i >= 0; i--) {
			this.bits.append((value >>> i) & 1);
		}
		return this;
	}

	Bits ue(long value) {
		long code = value + 1;
		int length = 64 - Long.numberOfLeadingZeros(code);
		return bits(0, length - 1).bits(code, length);
	}

	Bits se(int value) {
		return ue((value > 0) ? 2L * value - 1 : -2L * value);
	}

	byte[] bytes() {
		StringBuilder padded = new StringBuilder(this.bits);
		while (padded.length() % 8 != 0) {
			padded.append('0');
		}
		byte[] bytes = new byte[padded.length() / 8];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(padded.substring(i * 8, i * 8 + 8), 2);
		}
		return bytes;
	}

}
