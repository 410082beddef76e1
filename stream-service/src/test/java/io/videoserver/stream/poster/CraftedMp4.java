package io.videoserver.stream.poster;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;

/**
 * Hostile variants of the H.264 MP4s of {@link H264Mp4} (moov last, so a moov that grows
 * moves no media): the fields a decoder trusts set beyond the file or the bounds.
 */
final class CraftedMp4 {

	/** Where a box's children start, after its header and fixed fields. */
	private static final Map<String, Integer> CHILDREN_AT = Map.of("stsd", 16, "avc1", 86);

	private static final String[] STBL = { "moov", "trak", "mdia", "minf", "stbl" };

	private CraftedMp4() {
	}

	/** The first sequence parameter set saying {@code mbs}×{@code mbs} macroblocks. */
	static byte[] withSpsSize(byte[] mp4, int mbs) {
		int avcC = find(mp4, path("stsd", "avc1", "avcC"));
		ByteBuffer in = ByteBuffer.wrap(mp4, avcC + 8, size(mp4, avcC) - 8).slice();
		int spsLength = Short.toUnsignedInt(in.getShort(6));
		ByteBuffer nal = in.duplicate().position(9).limit(9 + spsLength - 1).slice();
		SeqParameterSet sps = H264Utils.readSPS(nal);
		sps.picWidthInMbsMinus1 = mbs - 1;
		sps.picHeightInMapUnitsMinus1 = mbs - 1;
		sps.frameCroppingFlag = false;
		ByteBuffer written = H264Utils.writeSPS(sps, 128);
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		payload.write(in.array(), in.arrayOffset(), 6);
		payload.write((written.remaining() + 1) >> 8);
		payload.write(written.remaining() + 1);
		payload.write(0x67);
		payload.write(written.array(), written.arrayOffset() + written.position(), written.remaining());
		int rest = 8 + spsLength;
		payload.write(in.array(), in.arrayOffset() + rest, in.limit() - rest);
		return replacePayload(mp4, path("stsd", "avc1", "avcC"), payload.toByteArray());
	}

	/** The first sample's first NAL unit claiming far more bytes than the sample has. */
	static byte[] withTruncatedNal(byte[] mp4) {
		byte[] crafted = mp4.clone();
		int co64 = find(crafted, path("co64")); // JCodec writes 64-bit chunk offsets
		int first = (int) ByteBuffer.wrap(crafted).getLong(co64 + 16);
		ByteBuffer.wrap(crafted).putInt(first, 0x00FF_FFF0);
		return crafted;
	}

	/**
	 * The second sample (a P frame) replaced by one slice whose header asks to reorder
	 * the reference list and then ends: a decoder reading past the end as zeros never
	 * reads the command that ends the list.
	 */
	static byte[] withEndlessReordering(byte[] mp4) {
		byte[] crafted = mp4.clone();
		ByteBuffer file = ByteBuffer.wrap(crafted);
		int avcC = find(crafted, path("stsd", "avc1", "avcC"));
		ByteBuffer config = ByteBuffer.wrap(crafted, avcC + 8, size(crafted, avcC) - 8).slice();
		int spsLength = Short.toUnsignedInt(config.getShort(6));
		SeqParameterSet sps = H264Utils.readSPS(config.duplicate().position(9).limit(8 + spsLength).slice());
		int ppsAt = 8 + spsLength + 1;
		int ppsLength = Short.toUnsignedInt(config.getShort(ppsAt));
		ByteBuffer ppsNal = config.duplicate().position(ppsAt + 3).limit(ppsAt + 2 + ppsLength).slice();
		PictureParameterSet pps = PictureParameterSet.read(ppsNal);
		Bits header = new Bits();
		header.ue(0).ue(0).ue(pps.picParameterSetId).bits(1, sps.log2MaxFrameNumMinus4 + 4);
		if (sps.picOrderCntType == 0) {
			header.bits(2, sps.log2MaxPicOrderCntLsbMinus4 + 4);
			if (pps.picOrderPresentFlag) {
				header.ue(0);
			}
		}
		if (pps.redundantPicCntPresentFlag) {
			header.ue(0);
		}
		header.bits(0, 1).bits(1, 1); // no override; reordering follows, and nothing else
		int stsz = find(crafted, path("stsz"));
		int first = (int) file.getLong(find(crafted, path("co64")) + 16);
		int second = first + file.getInt(stsz + 20);
		int secondSize = file.getInt(stsz + 24);
		java.util.Arrays.fill(crafted, second, second + secondSize, (byte) 0);
		file.putInt(second, secondSize - 4);
		crafted[second + 4] = 0x41; // a reference slice, not IDR
		byte[] bits = header.bytes();
		System.arraycopy(bits, 0, crafted, second + 5, bits.length);
		return crafted;
	}

	/**
	 * A sample size table claiming {@code count} entries, in a {@code skip} box at the
	 * end of the moov, where no track refers to it but a box parser still reads it.
	 */
	static byte[] withHiddenTable(byte[] mp4, int count) {
		int moov = find(mp4, "moov");
		if (moov + size(mp4, moov) != mp4.length) {
			throw new IllegalArgumentException("the moov is not last");
		}
		ByteBuffer skip = ByteBuffer.allocate(28).putInt(28).put(ascii("skip")).putInt(20).put(ascii("stsz"));
		skip.putInt(0).putInt(0).putInt(count);
		byte[] crafted = java.util.Arrays.copyOf(mp4, mp4.length + 28);
		System.arraycopy(skip.array(), 0, crafted, mp4.length, 28);
		ByteBuffer.wrap(crafted).putInt(moov, size(mp4, moov) + 28);
		return crafted;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A table of the video track claiming {@code count} entries it does not hold. */
	static byte[] withCount(byte[] mp4, String table, int count) {
		byte[] crafted = mp4.clone();
		int box = find(crafted, path(table));
		ByteBuffer.wrap(crafted).putInt(box + (table.equals("stsz") ? 16 : 12), count);
		return crafted;
	}

	private static String[] path(String... inStbl) {
		String[] path = new String[STBL.length + inStbl.length];
		System.arraycopy(STBL, 0, path, 0, STBL.length);
		System.arraycopy(inStbl, 0, path, STBL.length, inStbl.length);
		return path;
	}

	/** The offset of the first box along the path of types (first video trak). */
	private static int find(byte[] mp4, String... path) {
		int start = 0;
		int end = mp4.length;
		int found = -1;
		for (String type : path) {
			found = -1;
			for (int at = start; at + 8 <= end; at += size(mp4, at)) {
				if (new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
					found = at;
					break;
				}
			}
			if (found < 0) {
				throw new IllegalArgumentException("no " + type);
			}
			start = found + CHILDREN_AT.getOrDefault(type, 8);
			end = found + size(mp4, found);
		}
		return found;
	}

	private static int size(byte[] mp4, int at) {
		int size = ByteBuffer.wrap(mp4).getInt(at);
		return (size == 1) ? (int) ByteBuffer.wrap(mp4).getLong(at + 8) : size;
	}

	/** Replaces the last box's payload, growing or shrinking every box on the path. */
	private static byte[] replacePayload(byte[] mp4, String[] path, byte[] payload) {
		int box = find(mp4, path);
		int delta = payload.length - (size(mp4, box) - 8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(mp4, 0, box + 8);
		out.write(payload, 0, payload.length);
		int after = box + size(mp4, box);
		out.write(mp4, after, mp4.length - after);
		byte[] crafted = out.toByteArray();
		for (int depth = 1; depth <= path.length; depth++) {
			String[] prefix = java.util.Arrays.copyOf(path, depth);
			int at = find(mp4, prefix);
			ByteBuffer.wrap(crafted).putInt(at, size(mp4, at) + delta);
		}
		return crafted;
	}

}
