package io.videoserver.stream.poster;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the H.264 headers that the decoder sizes its memory by, before it reads them:
 * the sequence parameter sets' picture size (in macroblocks, and cropped) within the
 * pixel cap, every count it allocates an array of within the standard's limits, and the
 * slice headers' reference lists, which the decoder would read past a truncated NAL unit
 * for ever. Only the profiles the decoder supports are let through, since it reads the
 * others' fields differently.
 */
final class ParameterSets {

	private static final int SPS = 7;

	private static final int PPS = 8;

	private static final int IDR = 5;

	static final int MAX_REFS = 31;

	private final long maxPixels;

	private final Map<Integer, Sps> sps = new HashMap<>();

	private final Map<Integer, Pps> pps = new HashMap<>();

	private int codedWidth;

	private int codedHeight;

	ParameterSets(long maxPixels) {
		this.maxPixels = maxPixels;
	}

	/** The largest coded size of the sequence parameter sets seen, in pixels. */
	int codedWidth() {
		return this.codedWidth;
	}

	int codedHeight() {
		return this.codedHeight;
	}

	/**
	 * Checks one NAL unit (without its length or start code) and keeps its parameters.
	 */
	void check(ByteBuffer nal) throws InvalidStreamException {
		if (!nal.hasRemaining()) {
			throw new InvalidStreamException("an empty NAL unit");
		}
		int type = nal.get(nal.position()) & 0x1F;
		int refIdc = (nal.get(nal.position()) >> 5) & 3;
		if (type == SPS) {
			Sps read = Sps.read(Rbsp.of(nal), true);
			if ((long) read.width() * read.height() > this.maxPixels
					|| (long) read.codedWidth() * read.codedHeight() > this.maxPixels) {
				throw new InvalidStreamException("a picture of " + read.codedWidth() + "x" + read.codedHeight()
						+ " is larger than " + this.maxPixels + " pixels");
			}
			this.sps.put(read.id(), read);
			this.codedWidth = Math.max(this.codedWidth, read.codedWidth());
			this.codedHeight = Math.max(this.codedHeight, read.codedHeight());
		}
		else if (type == PPS) {
			Pps read = Pps.read(Rbsp.of(nal));
			this.pps.put(read.id(), read);
		}
		else if (type == 1 || type == IDR) {
			checkSlice(Rbsp.of(nal), type == IDR, refIdc);
		}
	}

	/**
	 * Checks the first sequence parameter set of a decoder configuration as JCodec's MP4
	 * demuxer also reads it, for its colour format: from the NAL unit's header on, so
	 * every field shifted by a byte, and with the emulation prevention bytes left in.
	 */
	static void checkMisread(ByteBuffer nal) throws InvalidStreamException {
		Sps.read(Rbsp.raw(nal), false);
	}

	private void checkSlice(Rbsp in, boolean idr, int refIdc) throws InvalidStreamException {
		in.ue(Integer.MAX_VALUE); // first_mb_in_slice
		int sliceType = in.ue(9) % 5;
		Pps pps = this.pps.get(in.ue(255));
		Sps sps = (pps != null) ? this.sps.get(pps.spsId()) : null;
		if (pps == null || sps == null) {
			throw new InvalidStreamException("a slice refers to a missing parameter set");
		}
		in.bits(sps.log2MaxFrameNum());
		if (idr) {
			in.ue(65535);
		}
		if (sps.pocType() == 0) {
			in.bits(sps.log2MaxPocLsb());
			if (pps.bottomFieldPicOrder()) {
				in.se();
			}
		}
		if (sps.pocType() == 1 && !sps.deltaPicOrderAlwaysZero()) {
			in.se();
			if (pps.bottomFieldPicOrder()) {
				in.se();
			}
		}
		if (pps.redundantPicCount()) {
			in.ue(127);
		}
		boolean b = sliceType == 1;
		if (b) {
			in.flag();
		}
		if ((sliceType == 0 || sliceType == 3 || b) && in.flag()) {
			in.ue(MAX_REFS);
			if (b) {
				in.ue(MAX_REFS);
			}
		}
		if (sliceType != 2 && sliceType != 4) {
			checkReordering(in);
			if (b) {
				checkReordering(in);
			}
		}
	}

	/** The decoder reads reordering commands until the one that ends them. */
	private static void checkReordering(Rbsp in) throws InvalidStreamException {
		if (!in.flag()) {
			return;
		}
		for (int i = 0; i <= MAX_REFS + 1; i++) {
			if (in.ue(5) == 3) {
				return;
			}
			in.ue(Integer.MAX_VALUE);
		}
		throw new InvalidStreamException("a slice reorders more references than it may have");
	}

}
