package io.videoserver.stream.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A track's chunk offset table, {@code stco} (32-bit) or {@code co64} (64-bit): absolute
 * file positions of the track's media, which must change when the media moves.
 *
 * @param box the stco or co64 box
 * @param path the boxes that contain it, moov first
 * @param entries how many offsets it holds
 * @param maxOffset the largest of them
 */
record ChunkTable(Box box, List<Box> path, long entries, long maxOffset) {

	/** Offsets read at a time, so that a table of any size is read in bounded memory. */
	private static final int BATCH = 8192;

	/**
	 * Reads a table, checking that its length matches its count and that every offset
	 * points into media.
	 */
	static ChunkTable read(BoxReader reader, Box box, List<Box> path, MediaData media) throws IOException {
		long entries = Integer.toUnsignedLong(reader.payload(box, 8, 8).getInt(4));
		if (box.payloadSize() != 8 + entries * entrySize(box)) {
			throw InvalidMp4Exception
				.damaged("chunk offset table " + box + " does not hold its " + entries + " entries");
		}
		long[] max = { 0 };
		forEach(reader, box, entries, (offset) -> {
			if (!media.contains(offset)) {
				throw InvalidMp4Exception
					.damaged("chunk offset " + offset + " in " + box + " is outside the media data");
			}
			max[0] = Math.max(max[0], offset);
		});
		return new ChunkTable(box, path, entries, max[0]);
	}

	boolean wide() {
		return this.box.is(Box.CO64);
	}

	void forEach(BoxReader reader, OffsetVisitor visitor) throws IOException {
		forEach(reader, this.box, this.entries, visitor);
	}

	private static void forEach(BoxReader reader, Box box, long entries, OffsetVisitor visitor) throws IOException {
		int width = entrySize(box);
		long position = box.payloadOffset() + 8;
		for (long left = entries; left > 0;) {
			int batch = (int) Math.min(left, BATCH);
			ByteBuffer offsets = reader.read(position, batch * width);
			for (int i = 0; i < batch; i++) {
				visitor.visit((width == 8) ? offsets.getLong() : Integer.toUnsignedLong(offsets.getInt()));
			}
			position += (long) batch * width;
			left -= batch;
		}
	}

	private static int entrySize(Box box) {
		return box.is(Box.CO64) ? 8 : 4;
	}

	/** Receives the offsets of a table in order. */
	@FunctionalInterface
	interface OffsetVisitor {

		void visit(long offset) throws IOException;

	}

}
