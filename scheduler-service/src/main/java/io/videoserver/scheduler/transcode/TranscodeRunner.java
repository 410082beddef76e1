package io.videoserver.scheduler.transcode;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs {@code concurrency} transcoding workers: each claims one due row, works it to the
 * end and claims the next, pausing an interval when nothing is due or the store cannot be
 * worked. At shutdown the jobs under way are stopped and their rows given back, so that
 * another replica starts them at once rather than after their lease.
 */
public class TranscodeRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TranscodeRunner.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

	private final TranscodeQueue queue;

	private final Transcoder transcoder;

	private final TranscodeProperties settings;

	private final ScheduledExecutorService timer;

	private final ExecutorService workers;

	private final Set<Cancel> jobs = ConcurrentHashMap.newKeySet();

	private final Timer durations;

	private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

	private final Object pause = new Object();

	private final Readiness readiness;

	private volatile boolean running;

	/**
	 * @param preflight finds ffmpeg and ffprobe (unpacking the bundled ones), on a worker
	 * thread so that the start does not wait for it; throws when they cannot be run
	 */
	TranscodeRunner(TranscodeQueue queue, TranscodeStore store, Transcoder transcoder, TranscodeProperties settings,
			ScheduledExecutorService timer, MeterRegistry meters, Runnable preflight) {
		this.queue = queue;
		this.readiness = new Readiness(queue.owner(), store, settings.workDir(), preflight);
		this.transcoder = transcoder;
		this.settings = settings;
		this.timer = timer;
		this.workers = Executors.newFixedThreadPool(settings.concurrency(),
				new CustomizableThreadFactory("transcode-"));
		for (Outcome outcome : Outcome.values()) {
			this.outcomes.put(outcome,
					Counter.builder("video.transcode.jobs")
						.description("Transcoding jobs this replica ended, by outcome")
						.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
		this.durations = Timer.builder("video.transcode.job")
			.description("Duration of a transcoding job, claim to outcome")
			.register(meters);
	}

	/** A replica with {@code video.transcode.enabled=false} never claims a job. */
	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

	@Override
	public void start() {
		this.running = true;
		for (int i = 0; i < this.settings.concurrency(); i++) {
			this.workers.execute(this::work);
		}
		log.info("Transcoder {} started: {} at once, leases of {}", this.queue.owner(), this.settings.concurrency(),
				this.settings.lease());
	}

	/** Stops claiming, stops the jobs under way and gives their rows back. */
	@Override
	public void stop() {
		this.running = false;
		synchronized (this.pause) {
			this.pause.notifyAll();
		}
		this.jobs.forEach((job) -> job.cancel(Cancel.Reason.SHUTDOWN));
		this.workers.shutdown();
		try {
			if (!this.workers.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn(
						"Transcoding jobs still running at shutdown; their leases lapse and another replica redoes them");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.timer.shutdownNow();
		log.info("Transcoder {} stopped", this.queue.owner());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void work() {
		// The first round waits one interval: finding the bundled ffmpeg unpacks about
		// 100 MB of programs and libraries, which would otherwise compete with the start
		// of
		// this service and of those started beside it (./run.sh starts all three at
		// once).
		pause();
		if (!this.running || !this.readiness.toolsReady()) {
			return;
		}
		while (this.running) {
			try {
				if (!this.readiness.canWork() || !runOne()) {
					pause();
				}
			}
			catch (DataAccessException ex) {
				log.warn("Transcoding queue unavailable, next claim in {}: {}", this.settings.interval(),
						ex.getMessage());
				pause();
			}
			catch (RuntimeException ex) {
				log.error("Transcoding job failed unexpectedly", ex);
				pause();
			}
		}
	}

	/**
	 * @return whether a row was due
	 */
	private boolean runOne() {
		Optional<Claim> claimed = this.queue.claim(this.settings.lease());
		if (claimed.isEmpty()) {
			return false;
		}
		Claim claim = claimed.get();
		if (!this.running) {
			this.queue.release(claim); // claimed while shutdown began
			return true;
		}
		Cancel cancel = new Cancel();
		this.jobs.add(cancel);
		if (!this.running) {
			cancel.cancel(Cancel.Reason.SHUTDOWN);
		}
		long start = System.nanoTime();
		try {
			this.outcomes.get(this.transcoder.work(claim, cancel)).increment();
		}
		finally {
			this.jobs.remove(cancel);
			this.durations.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
		return true;
	}

	private void pause() {
		synchronized (this.pause) {
			if (this.running) {
				try {
					this.pause.wait(this.settings.interval().toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.running = false;
				}
			}
		}
	}

}
