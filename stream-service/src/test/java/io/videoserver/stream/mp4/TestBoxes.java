package io.videoserver.stream.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a test file's boxes independently of the code under test: the top-level order and
 * the chunk offset tables, and moves a moov box to the end for the moov-last case.
 */
final class TestBoxes {

	private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

	private TestBoxes() {
	}

	/** The top-level boxes: type, offset and size. */
	static List<Found> topLevel(byte[] file) {
		return children(ByteBuffer.wrap(file), 0, file.length);
	}

	static Found find(byte[] file, String type) {
		return topLevel(file).stream().filter((box) -> box.type().equals(type)).findFirst().orElseThrow();
	}

	/** Every chunk offset table of the file, in track order. */
	static List<Table> chunkTables(byte[] file) {
		List<Table> tables = new ArrayList<>();
		collect(ByteBuffer.wrap(file), find(file, "moov"), tables);
		return tables;
	}

	/**
	 * The file with its moov box moved to the end and its chunk offsets moved along.
	 */
	static byte[] moveMoovToEnd(byte[] file) {
		Found moov = find(file, "moov");
		ByteBuffer moved = ByteBuffer.allocate(file.length);
		moved.put(file, 0, (int) moov.offset());
		moved.put(file, (int) moov.end(), file.length - (int) moov.end());
		int moovAt = moved.position();
		moved.put(file, (int) moov.offset(), (int) moov.size());
		for (Table table : chunkTables(file)) {
			for (int i = 0; i < table.offsets().length; i++) {
				int at = moovAt + (int) (table.position() - moov.offset()) + i * (table.wide() ? 8 : 4);
				long offset = table.offsets()[i] - moov.size();
				if (table.wide()) {
					moved.putLong(at, offset);
				}
				else {
					moved.putInt(at, (int) offset);
				}
			}
		}
		return moved.array();
	}

	private static void collect(ByteBuffer file, Found parent, List<Table> tables) {
		for (Found box : children(file, parent.offset() + parent.header(), parent.end())) {
			if (CONTAINERS.contains(box.type())) {
				collect(file, box, tables);
			}
			else if (box.type().equals("stco") || box.type().equals("co64")) {
				boolean wide = box.type().equals("co64");
				int first = (int) box.offset() + box.header() + 8;
				long[] offsets = new long[file.getInt(first - 4)];
				for (int i = 0; i < offsets.length; i++) {
					offsets[i] = wide ? file.getLong(first + 8 * i)
							: Integer.toUnsignedLong(file.getInt(first + 4 * i));
				}
				tables.add(new Table(first, wide, offsets));
			}
		}
	}

	private static List<Found> children(ByteBuffer file, long start, long end) {
		List<Found> boxes = new ArrayList<>();
		for (long at = start; at < end;) {
			long size = Integer.toUnsignedLong(file.getInt((int) at));
			int header = (size == 1) ? 16 : 8;
			size = (size == 1) ? file.getLong((int) at + 8) : (size == 0) ? end - at : size;
			byte[] type = new byte[4];
			file.get((int) at + 4, type);
			boxes.add(new Found(new String(type, StandardCharsets.ISO_8859_1), at, header, size));
			at += size;
		}
		return boxes;
	}

	record Found(String type, long offset, int header, long size) {

		long end() {
			return this.offset + this.size;
		}

	}

	/**
	 * @param position where the first entry lies in the file
	 * @param wide co64 rather than stco
	 * @param offsets the entries
	 */
	record Table(int position, boolean wide, long[] offsets) {
	}

}
