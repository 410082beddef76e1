package io.videoserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on the loopback between the browser and a service whose connections a test
 * can cut, as a dropped Wi-Fi or a broken mobile link would: open connections are reset
 * and new ones refused until the line is restored.
 */
final class CuttableProxy implements AutoCloseable {

	private final ServerSocket server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile int target;

	private volatile boolean cut;

	private CuttableProxy(ServerSocket server) {
		this.server = server;
	}

	/** Listens at once, so that its port can be configured before the service starts. */
	static CuttableProxy listen() throws IOException {
		CuttableProxy proxy = new CuttableProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		daemon("proxy-accept", proxy::accept);
		return proxy;
	}

	int port() {
		return this.server.getLocalPort();
	}

	void forwardTo(int port) {
		this.target = port;
	}

	/** Resets every open connection and refuses new ones until {@link #restore()}. */
	void cut() {
		this.cut = true;
		for (Socket socket : this.open) {
			close(socket);
		}
	}

	void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				continue;
			}
			try {
				if (this.cut || this.target == 0) {
					throw new IOException("the line is cut");
				}
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.open.add(client);
				this.open.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// cut, or the service is down: the browser sees a reset and retries
				close(client);
			}
		}
	}

	private void pump(Socket from, Socket to) {
		daemon("proxy-pump", () -> {
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					out.write(buffer, 0, n);
				}
			}
			catch (IOException ex) {
				// one side went away: the other is closed below
			}
			close(from);
			close(to);
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private void close(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
		this.open.remove(socket);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		cut();
	}

}
