package io.videoserver.shared.store;

import java.util.concurrent.TimeUnit;

/**
 * For tests that hold {@link PublishLock} while another thread tries to publish: whether
 * that thread waits for the lock or has already done its work shows whether it took it.
 */
public final class WaitingThreads {

	private WaitingThreads() {
	}

	/**
	 * Returns once the thread waits for something (a lock held elsewhere) or has ended.
	 */
	public static void awaitWaitingOrDone(Thread thread) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The thread neither waited nor ended: " + thread.getState());
			}
			Thread.onSpinWait();
		}
	}

}
