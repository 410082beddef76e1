package io.videoserver.scheduler.transcode;

import java.time.Duration;
import java.util.function.Supplier;

import io.videoserver.scheduler.execution.RetryPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a job that did not succeed: a failure is retried after the deletion runner's
 * back-off or parked, and a job stopped from outside ends as its cancel says whatever
 * failed in it (its row given back at shutdown, nothing written when lost).
 */
final class JobEndings {

	private static final Logger log = LoggerFactory.getLogger(JobEndings.class);

	private final TranscodeQueue queue;

	private final RetryPolicy retries;

	JobEndings(TranscodeQueue queue, RetryPolicy retries) {
		this.queue = queue;
		this.retries = retries;
	}

	Outcome stopped(Claim claim, Cancel cancel, Supplier<Outcome> otherwise) {
		Cancel.@Nullable Reason reason = cancel.reason();
		if (reason == Cancel.Reason.SHUTDOWN) {
			this.queue.release(claim);
			return Outcome.RELEASED;
		}
		return (reason == Cancel.Reason.LOST) ? Outcome.LOST : otherwise.get();
	}

	/**
	 * @param reason why, in words, for {@code last_error}
	 * @param hopeless whether another attempt cannot succeed (parked at once)
	 */
	Outcome failed(Claim claim, String reason, boolean hopeless) {
		int attempts = claim.attempts() + 1;
		boolean park = hopeless || this.retries.parks(attempts);
		Duration delay = this.retries.delayAfter(attempts);
		if (!this.queue.failed(claim, reason, park, delay)) {
			return Outcome.LOST;
		}
		if (park) {
			log.error("Parked the transcoding of video {} after {} attempts: {}", claim.videoId(), attempts, reason);
			return Outcome.PARKED;
		}
		log.warn("Transcoding video {} failed (attempt {}), next attempt in {}: {}", claim.videoId(), attempts, delay,
				reason);
		return Outcome.FAILED;
	}

}
