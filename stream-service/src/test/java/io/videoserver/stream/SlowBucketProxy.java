package io.videoserver.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of the test S3 server that makes the bucket slow or broken on
 * demand: it can hold the next request that arrives (on one connection; the others pass)
 * until released, or cut every connection.
 */
public final class SlowBucketProxy implements AutoCloseable {

	private final URI target;

	private final ServerSocket server;

	private final AtomicReference<Socket> held = new AtomicReference<>();

	private volatile boolean holding;

	private volatile boolean failing;

	private volatile CountDownLatch caught = new CountDownLatch(1);

	private volatile CountDownLatch released = new CountDownLatch(0);

	public SlowBucketProxy(URI target) {
		this.target = target;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		start(this::accept);
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/** The next request to arrive, on whichever connection, waits until released. */
	public void holdNextRequest() {
		this.caught = new CountDownLatch(1);
		this.released = new CountDownLatch(1);
		this.held.set(null);
		this.holding = true;
	}

	/** Waits until a request is being held; false after 20 s without one. */
	public boolean awaitHeld() throws InterruptedException {
		return this.caught.await(20, TimeUnit.SECONDS);
	}

	public void release() {
		this.holding = false;
		this.released.countDown();
	}

	/** Cuts every connection, open or new, while on. */
	public void fail(boolean on) {
		this.failing = on;
	}

	@Override
	public void close() throws IOException {
		release();
		this.server.close();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.failing) {
					client.close();
					continue;
				}
				Socket upstream = new Socket(this.target.getHost(), this.target.getPort());
				start(() -> pump(client, upstream, true));
				start(() -> pump(upstream, client, false));
			}
			catch (IOException ex) {
				// closed, or the target refused: the client sees its connection fail
			}
		}
	}

	private void pump(Socket from, Socket to, boolean request) {
		byte[] buffer = new byte[16 * 1024];
		try (from; to) {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			for (int n = in.read(buffer); n >= 0 && !this.failing; n = in.read(buffer)) {
				if (request) {
					holdIfAsked(from);
				}
				if (this.failing) {
					return;
				}
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// either side went: the other is closed with it
		}
	}

	private void holdIfAsked(Socket connection) throws InterruptedException {
		if (this.holding && (this.held.get() == connection || this.held.compareAndSet(null, connection))) {
			this.caught.countDown();
			this.released.await();
		}
	}

	private static void start(Runnable task) {
		Thread thread = new Thread(task, "slow-bucket-proxy");
		thread.setDaemon(true);
		thread.start();
	}

}
