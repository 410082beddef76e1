package io.videoserver.scheduler;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.videoserver.scheduler.dispatch.ClaimedBatch;
import io.videoserver.scheduler.dispatch.Dispatcher;
import io.videoserver.scheduler.execution.DeletionExecutor;
import io.videoserver.scheduler.execution.VideoRemover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Drives the deletion rounds on a timer: each round the dispatcher claims a batch and
 * hands it to the executor, and the round ends when the whole batch is finished; a full
 * batch starts the next round at once, so a long queue drains without waiting.
 */
public class Runner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Runner.class);

	private final Dispatcher dispatcher;

	private final DeletionExecutor executor;

	private final VideoRemover remover;

	private final Duration interval;

	private final Duration shutdownTimeout;

	private final Timer rounds;

	private final ScheduledExecutorService timer;

	private volatile boolean running;

	private boolean paused;

	public Runner(Dispatcher dispatcher, DeletionExecutor executor, VideoRemover remover, Duration interval,
			Duration shutdownTimeout, MeterRegistry meters) {
		this.dispatcher = dispatcher;
		this.executor = executor;
		this.remover = remover;
		this.interval = interval;
		this.shutdownTimeout = shutdownTimeout;
		this.rounds = Timer.builder("video.deletion.round")
			.description("Duration of a round that claimed rows: claim, delete, record")
			.register(meters);
		this.timer = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("deletion-dispatcher-"));
	}

	@Override
	public void start() {
		this.running = true;
		this.executor.start();
		long millis = this.interval.toMillis();
		this.timer.scheduleWithFixedDelay(this::runRounds, millis, millis, TimeUnit.MILLISECONDS);
		log.info("Deletion runner started, a round every {}", this.interval);
	}

	/**
	 * Stops claiming, lets started deletions finish, and releases claimed rows that were
	 * not started, so that another replica can take them at once.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.dispatcher.stop();
		this.executor.drain();
		this.timer.shutdown();
		try {
			long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
			if (!this.timer.awaitTermination(this.shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.timer.shutdownNow();
			}
			if (!this.executor.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				log.warn("Deletions still running at shutdown; their leases expire and another replica redoes them");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.info("Deletion runner stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	void runRounds() {
		try {
			while (this.running && storeAvailable() && round().full()) {
				log.debug("Full batch, next round at once");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Deletion round failed, next round in {}: {}", this.interval, ex.getMessage());
		}
	}

	private boolean storeAvailable() {
		boolean available = this.remover.available();
		if (!available && !this.paused) {
			log.warn("Video store unavailable (is the volume mounted?): claiming nothing until it is back");
		}
		if (available && this.paused) {
			log.info("Video store available again, claiming deletions");
		}
		this.paused = !available;
		return available;
	}

	/**
	 * One round: claim, hand over, wait until every claimed row is finished.
	 * @return the batch of the round
	 * @throws InterruptedException when shutdown could not wait any longer
	 */
	ClaimedBatch round() throws InterruptedException {
		long start = System.nanoTime();
		ClaimedBatch batch = this.dispatcher.dispatch();
		batch.await();
		if (batch.size() > 0) {
			this.rounds.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			log.debug("Round finished {} deletions", batch.size());
		}
		return batch;
	}

}
