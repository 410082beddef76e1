package io.videoserver.stream.playback;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Sends a range of the open file to the client's socket with {@code sendfile(2)} in the
 * request thread: no copy through Java at all (as nginx), yet the request, and so the
 * connection limiter's permit, lasts until the last byte has left or the client is gone,
 * unlike Tomcat's own sendfile, which sends after the request has ended.
 */
final class ZeroCopy {

	/** Below this a copy, which sends the headers in the same write, costs less. */
	static final long MIN_LENGTH = 48 * 1024;

	/** Waiting for a slow client's socket; one per transfer that had to wait. */
	private static final Queue<Selector> SELECTORS = new ConcurrentLinkedQueue<>();

	private ZeroCopy() {
	}

	/**
	 * Commits the headers already set on the response, then sends the range.
	 * @throws IOException when the client goes away or stops reading for longer than the
	 * write timeout; the connection is then closed
	 */
	static void send(FileChannel file, ByteRange range, TomcatSocket socket, HttpServletResponse response)
			throws IOException {
		response.flushBuffer();
		try (Waiter waiter = new Waiter(socket)) {
			long position = range.first();
			long end = range.first() + range.length();
			while (position < end) {
				long sent = file.transferTo(position, end - position, socket.channel());
				if (sent > 0) {
					position += sent;
				}
				else if (position >= file.size()) {
					throw new EOFException("Video file ended early");
				}
				else {
					waiter.awaitWritable();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			socket.closeAfterFailure(ex);
			throw ex;
		}
	}

	/** Blocks the request thread until the non-blocking socket can take more bytes. */
	private static final class Waiter implements AutoCloseable {

		private final TomcatSocket socket;

		private @Nullable Selector selector;

		private @Nullable SelectionKey key;

		Waiter(TomcatSocket socket) {
			this.socket = socket;
		}

		void awaitWritable() throws IOException {
			if (this.selector == null) {
				Selector pooled = SELECTORS.poll();
				this.selector = (pooled != null) ? pooled : Selector.open();
				this.key = this.socket.channel().register(this.selector, SelectionKey.OP_WRITE);
			}
			long timeout = Math.max(0, this.socket.writeTimeoutMillis()); // 0: no timeout
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
			while (this.selector.select(timeout) == 0) {
				if (Thread.currentThread().isInterrupted()) {
					throw new InterruptedIOException("Interrupted while sending a video");
				}
				if (timeout > 0 && System.nanoTime() - deadline > 0) {
					throw new SocketTimeoutException("The client stopped reading");
				}
			}
			this.selector.selectedKeys().clear();
		}

		/** Gives the selector back with no key left in it, so it can serve any socket. */
		@Override
		public void close() throws IOException {
			if (this.selector == null || this.key == null) {
				return;
			}
			this.key.cancel();
			try {
				this.selector.selectNow();
				SELECTORS.offer(this.selector);
			}
			catch (IOException | RuntimeException ex) {
				this.selector.close();
			}
		}

	}

}
