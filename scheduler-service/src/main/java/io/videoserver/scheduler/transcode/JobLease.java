package io.videoserver.scheduler.transcode;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Keeps one job's row leased while it runs: a renewal every third of the lease, and the
 * progress ffmpeg reports (at most once per progress interval, renewing too); when a
 * write finds the row no longer the job's, the job is cancelled as lost.
 */
final class JobLease implements IntConsumer, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(JobLease.class);

	private final TranscodeQueue queue;

	private final Claim claim;

	private final Duration lease;

	private final long progressIntervalNanos;

	private final Cancel cancel;

	private final ScheduledFuture<?> renewals;

	private long reportedAt = System.nanoTime();

	private int reported;

	JobLease(TranscodeQueue queue, Claim claim, Duration lease, Duration progressInterval,
			ScheduledExecutorService timer, Cancel cancel) {
		this.queue = queue;
		this.claim = claim;
		this.lease = lease;
		this.progressIntervalNanos = progressInterval.toNanos();
		this.cancel = cancel;
		long period = Math.max(1, lease.toMillis() / 3);
		this.renewals = timer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
	}

	/** Records the progress unless it was recorded within the progress interval. */
	@Override
	public synchronized void accept(int percent) {
		long now = System.nanoTime();
		if (percent == this.reported || now - this.reportedAt < this.progressIntervalNanos) {
			return;
		}
		this.reportedAt = now;
		this.reported = percent;
		try {
			held(this.queue.progress(this.claim, percent, this.lease));
		}
		catch (DataAccessException ex) {
			log.debug("Progress of video {} not recorded: {}", this.claim.videoId(), ex.getMessage());
		}
	}

	private void renew() {
		try {
			held(this.queue.renew(this.claim, this.lease));
		}
		catch (DataAccessException ex) {
			// the next renewal may get through; the lease outlasts two missed ones
			log.warn("Lease of video {} not renewed: {}", this.claim.videoId(), ex.getMessage());
		}
	}

	private void held(boolean held) {
		if (!held && !this.cancel.cancelled()) {
			log.info("Video {} (generation {}) is no longer this job's: stopping it", this.claim.videoId(),
					this.claim.generation());
			this.cancel.cancel(Cancel.Reason.LOST);
		}
	}

	@Override
	public void close() {
		this.renewals.cancel(false);
	}

}
