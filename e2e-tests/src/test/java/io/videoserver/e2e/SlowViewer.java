package io.videoserver.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A viewer that plays a video from one replica over a socket with a small receive buffer,
 * reading only when told to: the kernel holds at most that buffer and the server's send
 * buffer of what is still to come, so a replica killed meanwhile cuts the viewer off.
 * (Java's HttpClient lets the receive window grow to {@code tcp_rmem}'s maximum, 32 MiB
 * on some machines, where a whole test video fits before the kill.)
 */
final class SlowViewer implements AutoCloseable {

	private static final int RECEIVE_BUFFER = 32 * 1024;

	private final Socket socket;

	private final InputStream body;

	private final int status;

	private SlowViewer(Socket socket, InputStream body, int status) {
		this.socket = socket;
		this.body = body;
		this.status = status;
	}

	/** Sends {@code GET path} to the service and reads the head of the answer. */
	static SlowViewer open(String serviceUrl, String path) throws IOException {
		URI service = URI.create(serviceUrl);
		Socket socket = new Socket();
		try {
			socket.setReceiveBufferSize(RECEIVE_BUFFER); // before connecting: caps the
															// window
			socket.connect(new InetSocketAddress(service.getHost(), service.getPort()), 10_000);
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: " + service.getAuthority()
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			InputStream in = new BufferedInputStream(socket.getInputStream());
			String statusLine = line(in);
			while (!line(in).isEmpty()) {
				// the headers; the body follows the empty line
			}
			return new SlowViewer(socket, in, Integer.parseInt(statusLine.split(" ")[1]));
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	int status() {
		return this.status;
	}

	byte[] read(int bytes) throws IOException {
		return this.body.readNBytes(bytes);
	}

	/** Reads on to the end or until the connection breaks; returns how much it read. */
	long readRest() {
		long read = 0;
		byte[] buffer = new byte[64 * 1024];
		try {
			for (int n = this.body.read(buffer); n >= 0; n = this.body.read(buffer)) {
				read += n;
			}
		}
		catch (IOException ex) {
			// cut: what arrived before stands
		}
		return read;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("The answer ended in its head");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

}
