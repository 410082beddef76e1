package io.videoserver.stream.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an MP4 with its {@code moov} right after {@code ftyp}, ahead of the media, so a
 * browser can start playing from the first bytes: chunk offsets move by as much as the
 * media moved (32-bit tables that would overflow become 64-bit ones), and every other
 * byte is copied unchanged from file to file by the kernel, never through the heap.
 */
final class FastStart {

	static final long MAX_32_BIT = 0xFFFF_FFFFL;

	private static final int BUFFER = 64 * 1024;

	private final FileChannel in;

	private final BoxReader reader;

	private final Box moov;

	private final Map<Long, ChunkTable> tables = new HashMap<>();

	/** How many bytes each box that holds a chunk table gains, by the box's offset. */
	private final Map<Long, Long> growth = new HashMap<>();

	private final boolean widen;

	private final long newMoovSize;

	private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

	private final FileChannel out;

	FastStart(FileChannel in, FileChannel out, Box moov, List<ChunkTable> tables, long max32Bit) throws IOException {
		this.in = in;
		this.out = out;
		this.reader = new BoxReader(in);
		this.moov = moov;
		this.widen = tables.stream().anyMatch((table) -> !table.wide() && table.maxOffset() + moov.size() > max32Bit);
		for (ChunkTable table : tables) {
			this.tables.put(table.box().offset(), table);
			long gain = (this.widen && !table.wide()) ? 4 * table.entries() : 0;
			table.path().forEach((box) -> this.growth.merge(box.offset(), gain, Long::sum));
		}
		this.newMoovSize = moov.size() + this.growth.getOrDefault(moov.offset(), 0L);
	}

	void write(Box ftyp, long fileSize) throws IOException {
		copy(0, ftyp.end());
		writeBox(this.moov);
		copy(ftyp.end(), this.moov.offset() - ftyp.end());
		copy(this.moov.end(), fileSize - this.moov.end());
	}

	/** Where a byte of the media ends up once the moov is in front of it. */
	private long moved(long offset) {
		return (offset < this.moov.offset()) ? offset + this.newMoovSize : offset + this.newMoovSize - this.moov.size();
	}

	private void writeBox(Box box) throws IOException {
		ChunkTable table = this.tables.get(box.offset());
		Long gain = this.growth.get(box.offset());
		if (table != null) {
			writeTable(table);
		}
		else if (gain == null) {
			copy(box.offset(), box.size());
		}
		else {
			header(box.headerSize(), box.type(), box.size() + gain);
			for (Box child : this.reader.children(box.payloadOffset(), box.end(), false)) {
				writeBox(child);
			}
		}
	}

	private void writeTable(ChunkTable table) throws IOException {
		Box box = table.box();
		boolean wide = table.wide() || this.widen;
		header(box.headerSize(), wide ? Box.CO64 : box.type(), box.headerSize() + 8 + table.entries() * (wide ? 8 : 4));
		room(8);
		this.buffer.put(this.reader.read(box.payloadOffset(), 8));
		table.forEach(this.reader, (offset) -> {
			long moved = moved(offset);
			room(8);
			if (wide) {
				this.buffer.putLong(moved);
			}
			else if (moved <= MAX_32_BIT) {
				this.buffer.putInt((int) moved);
			}
			else {
				throw new IllegalStateException("A 32-bit chunk offset would overflow");
			}
		});
	}

	private void header(int headerSize, int type, long size) throws IOException {
		room(16);
		if (headerSize == 16) {
			this.buffer.putInt(1).putInt(type).putLong(size);
		}
		else if (size <= MAX_32_BIT) {
			this.buffer.putInt((int) size).putInt(type);
		}
		else {
			throw new IllegalStateException("A box outgrew its 32-bit size");
		}
	}

	private void room(int bytes) throws IOException {
		if (this.buffer.remaining() < bytes) {
			flush();
		}
	}

	private void flush() throws IOException {
		this.buffer.flip();
		while (this.buffer.hasRemaining()) {
			this.out.write(this.buffer);
		}
		this.buffer.clear();
	}

	/** Copies bytes of the original file unchanged, from file to file. */
	private void copy(long position, long count) throws IOException {
		flush();
		for (long done = 0; done < count;) {
			long sent = this.in.transferTo(position + done, count - done, this.out);
			if (sent <= 0) {
				throw new IOException("The file shrank while it was being rewritten");
			}
			done += sent;
		}
	}

}
