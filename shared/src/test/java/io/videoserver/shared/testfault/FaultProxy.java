package io.videoserver.shared.testfault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of an HTTP dependency (the test S3 server) whose fault is switched
 * per test: none, latency on every forwarded chunk, a 500 answer to every request, a
 * reset of every connection, or every connection cut after a number of bytes in either
 * direction (a truncated upload or download). Switching closes the connections open
 * through it, so that a client's pooled connection meets the new fault too.
 */
public final class FaultProxy implements AutoCloseable {

	private static final byte[] ERROR_500 = ("HTTP/1.1 500 Internal Server Error\r\n"
			+ "Content-Type: application/xml\r\nConnection: close\r\nContent-Length: 107\r\n\r\n"
			+ "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code><Message>fault</Message></Error>")
		.getBytes(StandardCharsets.US_ASCII);

	private final URI target;

	private final ServerSocket server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile Fault fault = Fault.none();

	public FaultProxy(URI target) {
		this.target = target;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("fault-proxy-accept", this::accept);
	}

	/** The address to give the client instead of the target's. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/** Switches the fault for new and open connections alike. */
	public void set(Fault fault) {
		this.fault = fault;
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
	}

	@Override
	public void close() throws IOException {
		set(Fault.none());
		this.server.close();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				daemon("fault-proxy", () -> serve(client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket client) {
		Fault current = this.fault;
		this.open.add(client);
		try {
			if (current.kind() == Kind.RESET) {
				client.setSoLinger(true, 0);
				client.close();
				return;
			}
			if (current.kind() == Kind.ERROR_500) {
				answer500(client);
				return;
			}
			Socket upstream = new Socket(this.target.getHost(), this.target.getPort());
			this.open.add(upstream);
			daemon("fault-proxy-up", () -> pipe(client, upstream, current));
			pipe(upstream, client, current);
		}
		catch (IOException ex) {
			closeQuietly(client);
		}
	}

	/** Reads request heads and answers each with a 500, as a failing store would. */
	private void answer500(Socket client) throws IOException {
		try (client) {
			InputStream in = client.getInputStream();
			int matched = 0;
			for (int b = in.read(); b >= 0 && matched < 4; b = in.read()) {
				matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
			}
			client.getOutputStream().write(ERROR_500);
			client.getOutputStream().flush();
		}
		finally {
			this.open.remove(client);
		}
	}

	private void pipe(Socket from, Socket to, Fault fault) {
		byte[] buffer = new byte[16 * 1024];
		long forwarded = 0;
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				if (fault.kind() == Kind.LATENCY) {
					Thread.sleep(fault.latency().toMillis());
				}
				if (fault.kind() == Kind.TRUNCATE && forwarded + n > fault.bytes()) {
					out.write(buffer, 0, (int) (fault.bytes() - forwarded));
					out.flush();
					break;
				}
				out.write(buffer, 0, n);
				out.flush();
				forwarded += n;
			}
		}
		catch (IOException ex) {
			// either side went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/** What kind of fault. */
	public enum Kind {

		NONE, LATENCY, ERROR_500, RESET, TRUNCATE

	}

	/**
	 * A fault of the proxy.
	 *
	 * @param kind what it does
	 * @param latency the wait before each forwarded chunk, for {@link Kind#LATENCY}
	 * @param bytes how much passes each way before the connection is cut, for
	 * {@link Kind#TRUNCATE}
	 */
	public record Fault(Kind kind, Duration latency, long bytes) {

		public static Fault none() {
			return new Fault(Kind.NONE, Duration.ZERO, 0);
		}

		/** Every chunk forwarded either way waits this long first. */
		public static Fault latency(Duration latency) {
			return new Fault(Kind.LATENCY, latency, 0);
		}

		/** Every request is answered 500 InternalError, its connection closed. */
		public static Fault error500() {
			return new Fault(Kind.ERROR_500, Duration.ZERO, 0);
		}

		/** Every connection is reset as soon as it is accepted. */
		public static Fault reset() {
			return new Fault(Kind.RESET, Duration.ZERO, 0);
		}

		/** Every connection is cut after this many bytes in either direction. */
		public static Fault truncate(long bytes) {
			return new Fault(Kind.TRUNCATE, Duration.ZERO, bytes);
		}

	}

}
