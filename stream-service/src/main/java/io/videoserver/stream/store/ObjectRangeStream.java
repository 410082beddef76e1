package io.videoserver.stream.store;

import java.io.FilterInputStream;
import java.io.IOException;

import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The body of a ranged GET that is aborted, not drained, when the reader stops early (a
 * viewer who seeks or leaves), so that the rest of a large range is never downloaded.
 */
final class ObjectRangeStream extends FilterInputStream {

	private final ResponseInputStream<?> body;

	private long remaining;

	ObjectRangeStream(ResponseInputStream<?> body, long length) {
		super(body);
		this.body = body;
		this.remaining = length;
	}

	@Override
	public int read() throws IOException {
		int read = super.read();
		if (read >= 0) {
			this.remaining--;
		}
		return read;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read > 0) {
			this.remaining -= read;
		}
		return read;
	}

	@Override
	public void close() throws IOException {
		if (this.remaining > 0) {
			this.body.abort();
		}
		super.close();
	}

}
