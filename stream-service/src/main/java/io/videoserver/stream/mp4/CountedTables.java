package io.videoserver.stream.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Walks a {@code moov} box the lenient way JCodec's box parser does (zero padding
 * skipped, a child that does not fit left out, the sample tables parsed in any container
 * it knows, not only in {@code stbl}) and answers whether every box it would allocate an
 * array for by a count holds that many entries: JCodec allocates first and reads after,
 * so a count of two billion in a few bytes costs gigabytes.
 */
final class CountedTables {

	/** The containers whose children JCodec parses with its default box types. */
	private static final Set<String> CONTAINERS = Set.of("moov", "trak", "edts", "mdia", "minf", "dinf", "stbl", "mvex",
			"moof", "traf", "mfra", "skip", "ipro", "sinf", "clip", "tapt", "gmhd", "tref", "udta", "meta");

	/** Bytes before the count (version and flags) and of each entry, per table. */
	private static final Map<String, int[]> TABLES = Map.of("stts", new int[] { 4, 8 }, "ctts", new int[] { 4, 8 },
			"stsc", new int[] { 4, 12 }, "stss", new int[] { 4, 4 }, "stps", new int[] { 4, 4 }, "stco",
			new int[] { 4, 4 }, "co64", new int[] { 4, 8 });

	private static final byte[] CHAN = "chan".getBytes(StandardCharsets.ISO_8859_1);

	private static final int MAX_DEPTH = 32;

	private CountedTables() {
	}

	/**
	 * @param moovPayload the moov box's payload
	 */
	static boolean fit(ByteBuffer moovPayload) {
		try {
			return node(moovPayload.duplicate(), 0);
		}
		catch (RuntimeException ex) {
			return false; // where JCodec would fail too, or give up before it
		}
	}

	private static boolean node(ByteBuffer in, int depth) {
		if (depth > MAX_DEPTH) {
			return false;
		}
		while (in.remaining() >= 8) {
			ByteBuffer fork = in.duplicate();
			while (in.remaining() >= 4 && fork.getInt() == 0) {
				in.getInt();
			}
			if (in.remaining() < 4) {
				return true;
			}
			long size = 0;
			while (in.remaining() >= 4 && (size = Integer.toUnsignedLong(in.getInt())) == 0) {
				// JCodec skips zero sizes
			}
			if (in.remaining() < 4 || (size < 8 && size != 1)) {
				continue;
			}
			byte[] type = new byte[4];
			in.get(type);
			boolean large = false;
			if (size == 1) {
				if (in.remaining() < 8) {
					continue;
				}
				size = in.getLong();
				large = true;
			}
			long body = size - ((large || size > 0xFFFF_FFFFL) ? 16 : 8);
			if (body < 0 || body > Integer.MAX_VALUE) {
				return false;
			}
			if (in.remaining() >= body) {
				ByteBuffer payload = in.slice().limit((int) body);
				in.position(in.position() + (int) body);
				if (!box(new String(type, StandardCharsets.ISO_8859_1), payload, depth)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean box(String type, ByteBuffer payload, int depth) {
		if (CONTAINERS.contains(type)) {
			return node(payload, depth + 1);
		}
		if (type.equals("stsd")) {
			return chanFits(payload);
		}
		if (type.equals("stsz")) {
			return payload.getInt(4) != 0 || fits(payload, Integer.toUnsignedLong(payload.getInt(8)), 12, 4);
		}
		if (type.equals("trun")) {
			return trunFits(payload);
		}
		int[] table = TABLES.get(type);
		return table == null || fits(payload, Integer.toUnsignedLong(payload.getInt(table[0])), table[0] + 4, table[1]);
	}

	private static boolean trunFits(ByteBuffer payload) {
		int flags = payload.getInt(0) & 0xFFFFFF;
		int before = 8 + (((flags & 0x1) != 0) ? 4 : 0) + (((flags & 0x4) != 0) ? 4 : 0);
		int entry = Integer.bitCount(flags & 0xF00) * 4;
		return fits(payload, Integer.toUnsignedLong(payload.getInt(4)), before, Math.max(entry, 1));
	}

	/**
	 * A channel layout ({@code chan}) may sit in an audio sample entry, nested in
	 * extensions: any such box in the descriptions must hold its descriptions.
	 */
	private static boolean chanFits(ByteBuffer stsd) {
		for (int at = 4; at + CHAN.length + 20 <= stsd.limit(); at++) {
			if (stsd.get(at) == CHAN[0] && stsd.get(at + 1) == CHAN[1] && stsd.get(at + 2) == CHAN[2]
					&& stsd.get(at + 3) == CHAN[3]) {
				long size = Integer.toUnsignedLong(stsd.getInt(at - 4));
				long count = Integer.toUnsignedLong(stsd.getInt(at + 16));
				if (size < 24 + count * 20) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean fits(ByteBuffer payload, long count, int before, int entrySize) {
		return payload.limit() >= before + count * entrySize;
	}

}
