package io.videoserver.stream.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads box headers and small payload prefixes from a file by position, trusting no size
 * field: every box must lie inside its parent and the file, and the number of boxes is
 * capped, so a hostile file can neither send the parser out of bounds nor keep it busy,
 * and nothing larger than a fixed prefix is ever read into memory.
 */
final class BoxReader {

	/** Room for the moof/mdat pairs of a long fragmented file. */
	static final int MAX_BOXES = 100_000;

	private final FileChannel file;

	private final long fileSize;

	private int boxes;

	BoxReader(FileChannel file) throws IOException {
		this.file = file;
		this.fileSize = file.size();
	}

	long fileSize() {
		return this.fileSize;
	}

	/**
	 * The boxes that exactly fill {@code [start, end)}.
	 * @param topLevel whether a size of 0 (to the end of the file) is allowed
	 */
	List<Box> children(long start, long end, boolean topLevel) throws IOException {
		List<Box> children = new ArrayList<>();
		for (long at = start; at < end;) {
			Box box = header(at, end, topLevel);
			children.add(box);
			at = box.end();
		}
		return children;
	}

	Box header(long offset, long parentEnd, boolean topLevel) throws IOException {
		if (parentEnd - offset < 8) {
			throw InvalidMp4Exception.damaged("truncated box header at " + offset);
		}
		ByteBuffer head = read(offset, (int) Math.min(16, parentEnd - offset));
		long size = Integer.toUnsignedLong(head.getInt(0));
		int type = head.getInt(4);
		int headerSize = 8;
		if (size == 1) {
			if (head.limit() < 16) {
				throw InvalidMp4Exception.damaged("truncated box header at " + offset);
			}
			size = head.getLong(8);
			headerSize = 16;
		}
		else if (size == 0 && topLevel) {
			size = parentEnd - offset;
		}
		Box box = new Box(type, offset, headerSize, size);
		if (size < headerSize || size > parentEnd - offset) {
			throw InvalidMp4Exception.damaged("box " + box + " has a size of " + size + " that does not fit");
		}
		if (++this.boxes > MAX_BOXES) {
			throw new InvalidMp4Exception("more than " + MAX_BOXES + " boxes");
		}
		return box;
	}

	/**
	 * The start of a box's payload.
	 * @param min the length the payload must have at least
	 * @param max how much of it to read at most
	 */
	ByteBuffer payload(Box box, int min, int max) throws IOException {
		if (box.payloadSize() < min) {
			throw new InvalidMp4Exception("box " + box + " is too short");
		}
		return read(box.payloadOffset(), (int) Math.min(max, box.payloadSize()));
	}

	/**
	 * Exactly {@code length} bytes at {@code offset}, a range the caller has checked.
	 */
	ByteBuffer read(long offset, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining()) {
			if (this.file.read(buffer, offset + buffer.position()) < 0) {
				throw InvalidMp4Exception.damaged("the file ends inside a box at " + offset);
			}
		}
		return buffer.flip();
	}

}
