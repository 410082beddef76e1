package io.videoserver.stream.view;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.shared.VideoId;
import io.videoserver.stream.StreamProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Counts playback starts as views: {@link #count} only adds to a bounded buffer in memory
 * (it never waits for the database, and a full buffer drops the view with a metric); a
 * thread of its own writes the buffer in batches every flush interval and once more on a
 * clean shutdown, and purges rows of windows that ended long ago.
 */
public final class ViewCounter implements SmartLifecycle {

	/**
	 * Views per transaction: short transactions, short row locks beside the api-service's
	 * writes of the same videos.
	 */
	static final int BATCH_SIZE = 500;

	/** Rows a purge deletes per statement. */
	static final int PURGE_BATCH = 1000;

	/** Statements one purge runs at most; the next run goes on where it stopped. */
	static final int PURGE_ROUNDS = 100;

	/** How often old windows are purged. */
	static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

	/** How long rows outlive the start of the current window, for an operator's look. */
	static final Duration RETENTION = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

	private final ViewRepository repository;

	private final StreamProperties.View settings;

	private final Clock clock;

	private final ViewBuffer buffer;

	private final Counter counted;

	private final Counter batches;

	private final Counter dropped;

	private final Object flushing = new Object();

	private volatile @Nullable ScheduledExecutorService writer;

	ViewCounter(ViewRepository repository, StreamProperties.View settings, MeterRegistry registry, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.clock = clock;
		this.buffer = new ViewBuffer(settings.buffer());
		this.counted = Counter.builder("video.views.counted")
			.description("Views written as new: once per viewer, video and window across replicas")
			.register(registry);
		this.batches = Counter.builder("video.views.batches")
			.description("Batches of views written to the database")
			.register(registry);
		this.dropped = Counter.builder("video.views.dropped")
			.description("Views lost: the buffer was full, or a failed write found no room to wait for the next")
			.register(registry);
		Gauge.builder("video.views.pending", this.buffer, ViewBuffer::size)
			.description("Distinct views waiting in memory for the next write")
			.register(registry);
	}

	/**
	 * Counts a playback start of a video that has a row; returns at once.
	 */
	public void count(VideoId vid, Viewer viewer) {
		ViewKey key = new ViewKey(vid.value(), viewer,
				ViewKey.windowStart(this.clock.instant(), this.settings.window()));
		if (!this.buffer.add(key)) {
			this.dropped.increment();
		}
	}

	/**
	 * Writes every pending view, in transactions of {@link #BATCH_SIZE}; what a failed
	 * write held goes back to the buffer for the next flush, as far as there is room.
	 * @return how many views were new
	 */
	int flush() {
		synchronized (this.flushing) {
			List<ViewKey> pending = this.buffer.drain();
			pending.sort(ViewKey.WRITE_ORDER);
			int added = 0;
			for (int from = 0; from < pending.size(); from += BATCH_SIZE) {
				List<ViewKey> batch = pending.subList(from, Math.min(pending.size(), from + BATCH_SIZE));
				try {
					int fresh = this.repository.write(batch);
					added += fresh;
					this.counted.increment(fresh);
					this.batches.increment();
				}
				catch (RuntimeException ex) {
					List<ViewKey> unwritten = pending.subList(from, pending.size());
					int lost = this.buffer.restore(List.copyOf(unwritten));
					this.dropped.increment(lost);
					log.warn("Could not write {} views ({} dropped, the rest wait for the next write): {}",
							unwritten.size(), lost, ex.toString());
					break;
				}
			}
			return added;
		}
	}

	/**
	 * Deletes the rows of windows that started more than {@link #RETENTION} before the
	 * current one, in small statements.
	 * @return how many rows went
	 */
	int purge() {
		LocalDateTime before = ViewKey.windowStart(this.clock.instant(), this.settings.window()).minus(RETENTION);
		int total = 0;
		for (int round = 0; round < PURGE_ROUNDS; round++) {
			int deleted = this.repository.purge(before, PURGE_BATCH);
			total += deleted;
			if (deleted < PURGE_BATCH) {
				break;
			}
		}
		return total;
	}

	int pending() {
		return this.buffer.size();
	}

	@Override
	public synchronized void start() {
		if (this.writer != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "view-writer");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.flushInterval().toMillis();
		executor.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(this::purgeQuietly, interval, PURGE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		this.writer = executor;
	}

	/**
	 * Stops the writer and writes what is pending, while the connection pool is still
	 * open: the pool closes when the context destroys its beans, after every lifecycle
	 * has stopped.
	 */
	@Override
	public synchronized void stop() {
		ScheduledExecutorService executor = this.writer;
		if (executor == null) {
			return;
		}
		this.writer = null;
		executor.shutdown();
		try {
			if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		int left = this.buffer.size();
		int added = flush();
		log.info("Wrote {} pending views at shutdown ({} new)", left, added);
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	/**
	 * Below the web server's phases (graceful shutdown, then the server's stop), so that
	 * it stops after the last request has ended and its views are in the final flush.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("Writing views failed", ex);
		}
	}

	private void purgeQuietly() {
		try {
			int purged = purge();
			if (purged > 0) {
				log.debug("Purged {} views of old windows", purged);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Purging old views failed: {}", ex.toString());
		}
	}

}
