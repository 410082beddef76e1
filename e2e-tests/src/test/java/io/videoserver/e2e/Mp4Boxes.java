package io.videoserver.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the top-level boxes of a small MP4, and moves a faststart file's moov box behind
 * its media the way many encoders and cameras write it, so that a test can upload the
 * order a browser cannot start at once.
 */
final class Mp4Boxes {

	/** The boxes on the way from moov to the chunk offset tables. */
	private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

	private Mp4Boxes() {
	}

	/**
	 * A top-level box.
	 *
	 * @param type its four-character type
	 * @param offset where it starts in the file
	 * @param size its size, header included
	 */
	record Box(String type, int offset, int size) {
	}

	static List<Box> topLevel(byte[] file) {
		List<Box> boxes = new ArrayList<>();
		ByteBuffer buffer = ByteBuffer.wrap(file);
		for (int offset = 0; offset + 8 <= file.length;) {
			int size = buffer.getInt(offset);
			boxes.add(new Box(new String(file, offset + 4, 4, StandardCharsets.ISO_8859_1), offset, size));
			offset += size;
		}
		return boxes;
	}

	static List<String> types(byte[] file) {
		return topLevel(file).stream().map(Box::type).toList();
	}

	/**
	 * The same movie with its moov box last: the media moves forward by the moov's size,
	 * and every chunk offset (stco) with it.
	 */
	static byte[] moovLast(byte[] faststart) {
		Box moov = topLevel(faststart).stream().filter((box) -> box.type().equals("moov")).findFirst().orElseThrow();
		byte[] movedMoov = new byte[moov.size()];
		System.arraycopy(faststart, moov.offset(), movedMoov, 0, moov.size());
		shiftChunkOffsets(ByteBuffer.wrap(movedMoov), 0, movedMoov.length, -moov.size());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(faststart, 0, moov.offset());
		out.write(faststart, moov.offset() + moov.size(), faststart.length - moov.offset() - moov.size());
		out.writeBytes(movedMoov);
		return out.toByteArray();
	}

	private static void shiftChunkOffsets(ByteBuffer moov, int start, int end, int shift) {
		for (int offset = start; offset + 8 <= end;) {
			int size = moov.getInt(offset);
			String type = new String(moov.array(), offset + 4, 4, StandardCharsets.ISO_8859_1);
			if (CONTAINERS.contains(type)) {
				shiftChunkOffsets(moov, offset + 8, offset + size, shift);
			}
			else if (type.equals("stco")) {
				int entries = moov.getInt(offset + 12);
				for (int entry = 0; entry < entries; entry++) {
					int at = offset + 16 + 4 * entry;
					moov.putInt(at, moov.getInt(at) + shift);
				}
			}
			offset += size;
		}
	}

}
