package io.videoserver.shared;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Answers a health check from its last result for a short while, so that probes and
 * scrapes, however many and however often, query the database at most once per period;
 * callers that arrive during a check wait for its result instead of starting their own.
 */
public final class CachingHealthIndicator implements HealthIndicator {

	private final HealthIndicator delegate;

	private final long ttlNanos;

	private final LongSupplier nanoClock;

	private @Nullable Health last;

	private long checkedAt;

	public CachingHealthIndicator(HealthIndicator delegate, Duration ttl) {
		this(delegate, ttl, System::nanoTime);
	}

	CachingHealthIndicator(HealthIndicator delegate, Duration ttl, LongSupplier nanoClock) {
		this.delegate = delegate;
		this.ttlNanos = ttl.toNanos();
		this.nanoClock = nanoClock;
	}

	@Override
	public synchronized Health health() {
		long now = this.nanoClock.getAsLong();
		Health health = this.last;
		if (health == null || now - this.checkedAt >= this.ttlNanos) {
			health = this.delegate.health();
			this.last = health;
			this.checkedAt = now;
		}
		return health;
	}

}
