package io.videoserver.stream.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.stream.StreamProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Bounds the streams and uploads that run at once (the original allowed 2), so that a
 * crowd of viewers cannot exhaust threads, file handles or disk bandwidth; the in-use and
 * rejected counts are metrics.
 */
@Component
public class ConnectionLimiter {

	private final int maxConnections;

	private final Semaphore permits;

	private final Counter rejected;

	ConnectionLimiter(StreamProperties properties, MeterRegistry registry) {
		this.maxConnections = properties.stream().maxConnections();
		this.permits = new Semaphore(this.maxConnections);
		Gauge.builder("video.stream.connections.in-use", this, ConnectionLimiter::inUse)
			.description("Streams and uploads holding a permit of the connection limiter")
			.register(registry);
		Gauge.builder("video.stream.connections.max", this, (limiter) -> limiter.maxConnections).register(registry);
		this.rejected = Counter.builder("video.stream.connections.rejected")
			.description("Requests answered 429 because the connection limiter was full")
			.register(registry);
	}

	/**
	 * @return a permit, or null when all are taken (the caller answers 429)
	 */
	@Nullable Permit tryAcquire() {
		if (this.permits.tryAcquire()) {
			return new Permit();
		}
		this.rejected.increment();
		return null;
	}

	public int inUse() {
		return this.maxConnections - this.permits.availablePermits();
	}

	public long rejectedCount() {
		return (long) this.rejected.count();
	}

	/** One taken slot; closing it more than once releases it only once. */
	final class Permit implements AutoCloseable {

		private final AtomicBoolean released = new AtomicBoolean();

		@Override
		public void close() {
			if (this.released.compareAndSet(false, true)) {
				ConnectionLimiter.this.permits.release();
			}
		}

	}

}
