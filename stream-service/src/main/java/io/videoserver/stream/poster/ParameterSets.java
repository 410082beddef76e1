package io.videoserver.stream.poster;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks the H.264 headers that the decoder sizes its memory by, before it reads them:
 * the sequence parameter sets' picture size (in macroblocks, and cropped) within the
 * pixel cap, every count it allocates an array of within the standard's limits, and the
 * slice headers' reference lists, which the decoder would read past a truncated NAL unit
 * for ever. Only the profiles the decoder supports are let through, since it reads the
 * others' fields differently.
 */
final class ParameterSets {

	/** The profiles JCodec decodes. */
	private static final Set<Integer> PROFILES = Set.of(66, 77, 100);

	/** The profiles whose sets JCodec reads chroma, bit depth and scaling fields of. */
	private static final Set<Integer> HIGH_PROFILES = Set.of(100, 110, 122, 144);

	private static final int SPS = 7;

	private static final int PPS = 8;

	private static final int IDR = 5;

	private static final int MAX_REFS = 31;

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

	/** What the checks need of a sequence parameter set. */
	private record Sps(int id, int codedWidth, int codedHeight, int width, int height, int log2MaxFrameNum, int pocType,
			int log2MaxPocLsb, boolean deltaPicOrderAlwaysZero) {

		/**
		 * @param strict whether to hold the set to what the decoder decodes, or only to
		 * what keeps its reader's arrays small
		 */
		static Sps read(Rbsp in, boolean strict) throws InvalidStreamException {
			int any = Integer.MAX_VALUE;
			int profile = in.bits(8);
			in.bits(16); // constraint flags, level
			int id = in.ue(strict ? 31 : any);
			if (strict && !PROFILES.contains(profile)) {
				throw new InvalidStreamException("profile " + profile + " is not decoded");
			}
			if (HIGH_PROFILES.contains(profile)) {
				int chroma = in.ue(any);
				if (chroma == 3) {
					in.flag();
				}
				if (strict && chroma != 1) {
					throw new InvalidStreamException("only 4:2:0 chroma is decoded");
				}
				in.ue(any); // bit depths
				in.ue(any);
				in.flag();
				if (in.flag()) {
					skipScalingLists(in);
				}
			}
			int log2MaxFrameNum = in.ue(strict ? 12 : any) + 4;
			int pocType = in.ue(strict ? 2 : any);
			int log2MaxPocLsb = 0;
			boolean alwaysZero = false;
			if (pocType == 0) {
				log2MaxPocLsb = in.ue(strict ? 12 : any) + 4;
			}
			else if (pocType == 1) {
				alwaysZero = in.flag();
				in.se();
				in.se();
				int cycle = in.ue(255);
				for (int i = 0; i < cycle; i++) {
					in.se();
				}
			}
			in.ue(strict ? 16 : any); // max_num_ref_frames
			in.flag();
			int widthInMbs = in.ue(strict ? any / 16 - 1 : any) + 1;
			int heightInMbs = in.ue(strict ? any / 16 - 1 : any) + 1;
			if (!in.flag()) {
				if (strict) {
					throw new InvalidStreamException("interlaced video is not decoded");
				}
				in.flag();
			}
			in.flag(); // direct_8x8_inference_flag
			int width = widthInMbs * 16;
			int height = heightInMbs * 16;
			int cropped = width;
			int croppedHeight = height;
			if (in.flag()) {
				cropped -= 2 * ((long) in.ue(any) + in.ue(any));
				croppedHeight -= 2 * ((long) in.ue(any) + in.ue(any));
				if (strict && (cropped <= 0 || croppedHeight <= 0)) {
					throw new InvalidStreamException("the cropping leaves no picture");
				}
			}
			if (in.flag()) {
				checkVui(in, strict);
			}
			return new Sps(id, width, height, cropped, croppedHeight, log2MaxFrameNum, pocType, log2MaxPocLsb,
					alwaysZero);
		}

		private static void skipScalingLists(Rbsp in) throws InvalidStreamException {
			for (int i = 0; i < 8; i++) {
				if (in.flag()) {
					int next = 8;
					for (int j = 0, last = 8; j < ((i < 6) ? 16 : 64) && next != 0; j++) {
						next = (last + in.se() + 256) % 256;
						last = (next == 0) ? last : next;
					}
				}
			}
		}

		private static void checkVui(Rbsp in, boolean strict) throws InvalidStreamException {
			if (in.flag() && in.bits(8) == 255) {
				in.bits(32); // extended sample aspect ratio
			}
			if (in.flag()) {
				in.flag();
			}
			if (in.flag()) {
				in.bits(4);
				if (in.flag()) {
					in.bits(24);
				}
			}
			if (in.flag()) {
				in.ue(strict ? 5 : Integer.MAX_VALUE);
				in.ue(strict ? 5 : Integer.MAX_VALUE);
			}
			if (in.flag()) {
				in.bits(32);
				in.bits(32);
				in.flag();
			}
			boolean nal = in.flag();
			if (nal) {
				checkHrd(in);
			}
			if (in.flag()) {
				checkHrd(in);
			}
		}

		private static void checkHrd(Rbsp in) throws InvalidStreamException {
			int count = in.ue(31) + 1;
			in.bits(8);
			for (int i = 0; i < count; i++) {
				in.ue(Integer.MAX_VALUE);
				in.ue(Integer.MAX_VALUE);
				in.flag();
			}
			in.bits(20);
		}

	}

	/** What the checks need of a picture parameter set. */
	private record Pps(int id, int spsId, boolean bottomFieldPicOrder, boolean redundantPicCount) {

		static Pps read(Rbsp in) throws InvalidStreamException {
			int id = in.ue(255);
			int spsId = in.ue(31);
			in.flag();
			boolean bottomFieldPicOrder = in.flag();
			if (in.ue(7) != 0) {
				throw new InvalidStreamException("slice groups are not decoded");
			}
			in.ue(MAX_REFS);
			in.ue(MAX_REFS);
			in.bits(3);
			in.se();
			in.se();
			in.se();
			in.flag();
			in.flag();
			return new Pps(id, spsId, bottomFieldPicOrder, in.flag());
		}

	}

}
