package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.stereotype.Component;

/**
 * Writes a form or raw body to its staging file, admitting its bytes as they arrive: the
 * first ones must begin a video container, and each buffer must stay within the size
 * limit and the upload's reservation, so that a refused client is cut off at once.
 */
@Component
class BodyWriter {

	private static final int BUFFER = 64 * 1024;

	private final UploadAdmission admission;

	private final UploadMetrics metrics;

	BodyWriter(UploadAdmission admission, UploadMetrics metrics) {
		this.admission = admission;
		this.metrics = metrics;
	}

	/**
	 * Writes the whole body to a new file.
	 * @return the bytes written
	 * @throws io.videoserver.shared.ApiException 413/008, 415/009, 400/001 when the
	 * client broke off
	 */
	long write(InputStream body, Path part, Reservation reservation) throws IOException {
		byte[] buffer = new byte[BUFFER];
		try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			int first = readAtLeast(body, buffer, UploadAdmission.VIDEO_HEAD);
			UploadAdmission.requireVideoHead(buffer, first);
			long size = 0;
			for (int n = first; n >= 0; n = read(body, buffer, 0, buffer.length)) {
				size += n;
				this.metrics.received(n);
				this.admission.requireSize(size);
				reservation.cover(size);
				ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
				while (chunk.hasRemaining()) {
					out.write(chunk);
				}
			}
			out.force(true);
			return size;
		}
	}

	private static int readAtLeast(InputStream body, byte[] buffer, int wanted) throws IOException {
		int total = 0;
		while (total < wanted) {
			int n = read(body, buffer, total, buffer.length - total);
			if (n < 0) {
				break;
			}
			total += n;
		}
		return total;
	}

	private static int read(InputStream body, byte[] buffer, int offset, int length) throws IOException {
		try {
			return body.read(buffer, offset, length);
		}
		catch (IOException ex) {
			throw new UploadInterruptedException();
		}
	}

}
