package io.videoserver.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.videoserver.shared.testhttp.RawHttp;

/**
 * A client on a raw socket that misbehaves the way real ones do: sends half a request and
 * stalls, trickles a body, or stops reading an answer; and that can tell when, and how,
 * the server ended the connection.
 */
final class SlowClient implements AutoCloseable {

	/** Small, so that a client that stops reading soon blocks the server's writes. */
	private static final int RECEIVE_BUFFER = 64 * 1024;

	private final Socket socket;

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private volatile long lastSent = System.nanoTime();

	private SlowClient(Socket socket) {
		this.socket = socket;
	}

	static SlowClient connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(RECEIVE_BUFFER);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		return new SlowClient(socket);
	}

	SlowClient send(String text) throws IOException {
		return send(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	SlowClient send(byte[] bytes) throws IOException {
		this.socket.getOutputStream().write(bytes);
		this.socket.getOutputStream().flush();
		this.lastSent = System.nanoTime();
		return this;
	}

	/** Sends one more byte, unless the server has closed the connection already. */
	void trickle(byte b) {
		try {
			send(new byte[] { b });
		}
		catch (IOException ex) {
			// closed by the server: what the test waits for
		}
	}

	/** Reads the status line and headers of the answer. */
	String readHead() throws IOException {
		this.socket.setSoTimeout(20_000);
		String head = RawHttp.readHead(this.socket.getInputStream());
		this.received.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
		return head;
	}

	/** Reads exactly {@code count} bytes of the answer's body. */
	void read(int count) throws IOException {
		this.socket.setSoTimeout(20_000);
		this.received.writeBytes(this.socket.getInputStream().readNBytes(count));
	}

	/**
	 * Reads until the server ends the connection, by a close or a reset.
	 * @param limit how long that may take; longer means the server let it hang
	 * @return how long after this client's last byte the connection ended
	 * @throws AssertionError when the connection is still open after the limit
	 */
	Duration awaitEnd(Duration limit) throws IOException {
		long deadline = System.nanoTime() + limit.toNanos();
		InputStream in = this.socket.getInputStream();
		byte[] buffer = new byte[64 * 1024];
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new SocketTimeoutException();
				}
				this.socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
				int n = in.read(buffer);
				if (n < 0) {
					break;
				}
				this.received.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("The server left the connection open for more than " + limit, ex);
		}
		catch (IOException ex) {
			// reset by the server: ended as well
		}
		return Duration.ofNanos(System.nanoTime() - this.lastSent);
	}

	/** Everything the server sent, as ISO-8859-1 text. */
	String received() {
		return this.received.toString(StandardCharsets.ISO_8859_1);
	}

	int receivedBytes() {
		return this.received.size();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
