package io.videoserver.stream.playback;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import jakarta.servlet.ServletOutputStream;

/**
 * Copies a range of a file to the response through a per-thread direct buffer, so that
 * video bytes never pass through the Java heap and a client that disconnects fails the
 * current write at once.
 */
final class FileTransfer {

	static final int CHUNK = 256 * 1024;

	private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal
		.withInitial(() -> ByteBuffer.allocateDirect(CHUNK));

	private FileTransfer() {
	}

	static void send(FileChannel file, ByteRange range, ServletOutputStream out) throws IOException {
		ByteBuffer buffer = BUFFERS.get();
		long position = range.first();
		long remaining = range.length();
		while (remaining > 0) {
			buffer.clear().limit((int) Math.min(CHUNK, remaining));
			int read = file.read(buffer, position);
			if (read < 0) {
				throw new EOFException("Video file ended early");
			}
			buffer.flip();
			out.write(buffer);
			position += read;
			remaining -= read;
		}
	}

}
