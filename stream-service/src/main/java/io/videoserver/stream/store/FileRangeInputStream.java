package io.videoserver.stream.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a range of an open file by position, so that several readers (or the parts of one
 * multipart upload) share a channel without moving its position.
 */
final class FileRangeInputStream extends InputStream {

	private final FileChannel channel;

	private long position;

	private final long end;

	FileRangeInputStream(FileChannel channel, long first, long length) {
		this.channel = channel;
		this.position = first;
		this.end = first + length;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.position >= this.end) {
			return -1;
		}
		int wanted = (int) Math.min(length, this.end - this.position);
		int read = this.channel.read(ByteBuffer.wrap(buffer, offset, wanted), this.position);
		if (read < 0) {
			throw new EOFException("The file ended early");
		}
		this.position += read;
		return read;
	}

}
