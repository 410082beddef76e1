package io.videoserver.scheduler.execution;

import java.time.Duration;

/**
 * How long a failed deletion waits before its next attempt (doubling from a base, up to a
 * cap), and when it has failed often enough to be parked for an operator.
 *
 * @param maxAttempts failed attempts after which a row is parked
 * @param base the wait after the first failure
 * @param max the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

	public boolean parks(int failedAttempts) {
		return failedAttempts >= this.maxAttempts;
	}

	/**
	 * The wait after a failure.
	 * @param failedAttempts failed attempts so far, this one included (at least 1)
	 * @return base times 2^(failedAttempts - 1), at most {@code max}
	 */
	public Duration delayAfter(int failedAttempts) {
		int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
		Duration delay = this.base.multipliedBy(1L << doublings);
		return (delay.compareTo(this.max) > 0) ? this.max : delay;
	}

}
