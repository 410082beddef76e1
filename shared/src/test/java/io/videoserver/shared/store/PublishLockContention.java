package io.videoserver.shared.store;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * For tests of what waits for {@link PublishLock}: runs a contender on a thread of its
 * own while the test's thread holds the lock, as another replica would, and lets the test
 * act once the contender waits (or, when it does not take the lock, has already done its
 * work).
 */
public final class PublishLockContention {

	private PublishLockContention() {
	}

	/**
	 * Holds the directory's lock, starts {@code contender}, runs {@code whileHeld} once
	 * the contender waits for something or has ended, releases the lock, and returns what
	 * the contender returned (or throws what it threw).
	 */
	public static <T> T contend(Path dir, PublishLock.Action<T> contender, PublishLock.Action<?> whileHeld)
			throws Exception {
		FutureTask<T> task = new FutureTask<>(contender::run);
		Thread thread = new Thread(task, "publish-lock-contender");
		PublishLock.holding(dir, () -> {
			thread.start();
			awaitWaitingOrDone(thread);
			return whileHeld.run();
		});
		try {
			return task.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw (Error) ex.getCause();
		}
	}

	private static void awaitWaitingOrDone(Thread thread) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The thread neither waited nor ended: " + thread.getState());
			}
			Thread.onSpinWait();
		}
	}

}
