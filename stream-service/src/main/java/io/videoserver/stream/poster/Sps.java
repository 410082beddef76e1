package io.videoserver.stream.poster;

import java.util.Set;

/**
 * What the checks need of a sequence parameter set, read with the standard's limits on
 * every count JCodec allocates by; only the profiles JCodec decodes are let through,
 * since it reads the others' fields differently.
 */
record Sps(int id, int codedWidth, int codedHeight, int width, int height, int log2MaxFrameNum, int pocType,
		int log2MaxPocLsb, boolean deltaPicOrderAlwaysZero) {

	/** The profiles JCodec decodes. */
	private static final Set<Integer> PROFILES = Set.of(66, 77, 100);

	/** The profiles whose sets JCodec reads chroma, bit depth and scaling fields of. */
	private static final Set<Integer> HIGH_PROFILES = Set.of(100, 110, 122, 144);

	/**
	 * @param strict whether to hold the set to what the decoder decodes, or only to what
	 * keeps its reader's arrays small
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
		return new Sps(id, width, height, cropped, croppedHeight, log2MaxFrameNum, pocType, log2MaxPocLsb, alwaysZero);
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
