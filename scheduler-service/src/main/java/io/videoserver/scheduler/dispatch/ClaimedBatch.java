package io.videoserver.scheduler.dispatch;

import java.util.concurrent.CountDownLatch;

/**
 * The rows one round claimed; the round waits on it so that a replica never holds more
 * than one batch's leases, and so that its leases cannot run out while it claims more.
 */
public final class ClaimedBatch {

	private final int size;

	private final boolean full;

	private final CountDownLatch unfinished;

	ClaimedBatch(int size, boolean full) {
		this.size = size;
		this.full = full;
		this.unfinished = new CountDownLatch(size);
	}

	public int size() {
		return this.size;
	}

	/**
	 * Whether the claim filled the whole batch, hinting that more rows are due now.
	 */
	public boolean full() {
		return this.full;
	}

	void finished() {
		this.unfinished.countDown();
	}

	/**
	 * Waits until every row of the batch is finished.
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	public void await() throws InterruptedException {
		this.unfinished.await();
	}

}
