package io.videoserver.stream.poster;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Reads the fields of an H.264 NAL unit exactly as JCodec's bit reader does (zeros past
 * the end, its arithmetic for Exp-Golomb codes of 32 zeros), so that each value the
 * checks accept is the value the decoder reads.
 */
final class Rbsp {

	private final byte[] bytes;

	private long bit;

	private Rbsp(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * The bytes of a NAL unit as given, header and emulation prevention bytes included,
	 * as JCodec reads a decoder configuration's first sequence parameter set once.
	 */
	static Rbsp raw(ByteBuffer nal) {
		byte[] bytes = new byte[nal.remaining()];
		nal.duplicate().get(bytes);
		return new Rbsp(bytes);
	}

	/** The payload of a NAL unit, after its one-byte header. */
	static Rbsp of(ByteBuffer nal) {
		ByteBuffer in = nal.duplicate();
		in.get();
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.remaining());
		int zeros = 0;
		while (in.hasRemaining()) {
			int b = in.get() & 0xFF;
			if (zeros >= 2 && b == 3) {
				zeros = 0;
				continue;
			}
			zeros = (b == 0) ? zeros + 1 : 0;
			out.write(b);
		}
		return new Rbsp(out.toByteArray());
	}

	boolean flag() {
		if (this.bit >= this.bytes.length * 8L) {
			return false;
		}
		int value = (this.bytes[(int) (this.bit >>> 3)] >>> (7 - (this.bit & 7))) & 1;
		this.bit++;
		return value == 1;
	}

	int bits(int n) {
		int value = 0;
		for (int i = 0; i < n; i++) {
			value = (value << 1) | (flag() ? 1 : 0);
		}
		return value;
	}

	/** An unsigned Exp-Golomb value, at most {@code max}. */
	int ue(int max) throws InvalidStreamException {
		int zeros = 0;
		while (!flag() && zeros < 32) {
			zeros++;
		}
		long read = (zeros > 0) ? bits(zeros) : 0;
		int value = (int) ((1 << zeros) - 1 + read);
		if (value < 0 || value > max) {
			throw new InvalidStreamException("a value of " + value + " is above " + max);
		}
		return (int) value;
	}

	/** A signed Exp-Golomb value. */
	int se() throws InvalidStreamException {
		long code = ue(Integer.MAX_VALUE);
		return (int) (((code & 1) == 1) ? (code + 1) / 2 : -(code / 2));
	}

}
