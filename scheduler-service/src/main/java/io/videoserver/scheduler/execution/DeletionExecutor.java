package io.videoserver.scheduler.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.videoserver.scheduler.dispatch.Deletion;
import io.videoserver.scheduler.dispatch.DeletionQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The executor: a fixed number of worker threads that take claimed rows from the channel
 * and delete them; once shutdown begins, rows still in the channel are released instead.
 */
public class DeletionExecutor {

	private static final Logger log = LoggerFactory.getLogger(DeletionExecutor.class);

	private static final long POLL_MILLIS = 100;

	private final BlockingQueue<Deletion> channel;

	private final Deleter deleter;

	private final DeletionQueue queue;

	private final int concurrency;

	private final ExecutorService workers;

	private volatile boolean draining;

	private volatile boolean stopped;

	public DeletionExecutor(BlockingQueue<Deletion> channel, Deleter deleter, DeletionQueue queue, int concurrency) {
		this.channel = channel;
		this.deleter = deleter;
		this.queue = queue;
		this.concurrency = concurrency;
		this.workers = Executors.newFixedThreadPool(concurrency, new CustomizableThreadFactory("deletion-"));
	}

	public void start() {
		for (int i = 0; i < this.concurrency; i++) {
			this.workers.execute(this::work);
		}
	}

	/**
	 * From now on, rows taken from the channel are released, not started.
	 */
	public void drain() {
		this.draining = true;
	}

	/**
	 * Lets every worker finish the deletion it has started, ends the threads, and
	 * releases whatever is still in the channel.
	 * @param timeout how long to wait for started deletions
	 * @return whether every worker ended in time
	 */
	public boolean stop(Duration timeout) throws InterruptedException {
		this.draining = true;
		this.stopped = true;
		this.workers.shutdown();
		boolean ended = this.workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
		List<Deletion> left = new ArrayList<>();
		this.channel.drainTo(left);
		left.forEach(this::handle);
		return ended;
	}

	private void work() {
		try {
			while (!this.stopped) {
				Deletion deletion = this.channel.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (deletion != null) {
					handle(deletion);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handle(Deletion deletion) {
		try {
			if (this.draining) {
				release(deletion);
			}
			else {
				this.deleter.delete(deletion);
			}
		}
		catch (DataAccessException ex) {
			// The row keeps its lease until it runs out; then any replica works it again.
			log.warn("Could not record the outcome for video {}: {}", deletion.videoId(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Deleting video {} failed unexpectedly", deletion.videoId(), ex);
		}
		finally {
			deletion.finished();
		}
	}

	private void release(Deletion deletion) {
		this.queue.release(List.of(deletion.videoId()));
	}

}
