package io.videoserver.stream.playback;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ServletOutputStream;

/**
 * Copies a range read from a remote store (an S3 GET) to the response as it arrives,
 * through one per-thread buffer, so a whole video is never held in memory and a viewer
 * who leaves stops the download at the next write.
 */
final class StreamTransfer {

	private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

	private StreamTransfer() {
	}

	static void send(InputStream in, long length, ServletOutputStream out) throws IOException {
		byte[] buffer = BUFFERS.get();
		long remaining = length;
		while (remaining > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
			if (read < 0) {
				throw new EOFException("The stored video ended early");
			}
			out.write(buffer, 0, read);
			remaining -= read;
		}
	}

}
