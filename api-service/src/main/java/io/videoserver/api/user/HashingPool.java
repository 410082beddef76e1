package io.videoserver.api.user;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs password hashing on a few threads of its own, so that a storm of sign-ups and
 * logins takes about one core and a bounded number of request threads, never all of them:
 * a hash that finds the queue full answers 503/012 at once instead of piling up.
 */
@Component
class HashingPool implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HashingPool.class);

	private static final String BUSY = "The server is busy checking passwords, try again later";

	/**
	 * A full queue drains in about a second at the default settings (16 hashes of tens of
	 * milliseconds each on one thread).
	 */
	private static final long RETRY_AFTER_SECONDS = 1;

	private final ThreadPoolExecutor pool;

	private final Duration timeout;

	private final Timer hashes;

	private final Counter full;

	private final Counter late;

	HashingPool(ApiProperties properties, MeterRegistry meters) {
		ApiProperties.Hash settings = properties.hash();
		this.timeout = settings.timeout();
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(settings.queue()), (task) -> {
					Thread thread = new Thread(task, "hash-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.hashes = Timer.builder("video.hash").description("Password hashes computed").register(meters);
		Gauge.builder("video.hash.queue", this.pool, (pool) -> pool.getQueue().size())
			.description("Password hashes waiting for a thread")
			.register(meters);
		Gauge.builder("video.hash.active", this.pool, ThreadPoolExecutor::getActiveCount)
			.description("Password hashes being computed")
			.register(meters);
		this.full = rejections(meters, "queue-full");
		this.late = rejections(meters, "timeout");
		log.info("Password hashing: {} thread(s), {} more may wait", settings.threads(), settings.queue());
	}

	/**
	 * Computes a hash on the pool, the calling request thread waiting for it.
	 * @param hashing the work, a BCrypt hash or check
	 * @return its result
	 * @throws ApiException 503/012 when the queue is full or the hash is not done in time
	 */
	<T> T run(Supplier<T> hashing) {
		Future<T> result;
		try {
			result = this.pool.submit(() -> this.hashes.record(hashing));
		}
		catch (RejectedExecutionException ex) {
			this.full.increment();
			throw busy();
		}
		return await(result);
	}

	private <T> T await(Future<T> result) {
		try {
			return result.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			giveUp(result);
			this.late.increment();
			throw busy();
		}
		catch (InterruptedException ex) {
			giveUp(result);
			Thread.currentThread().interrupt();
			throw busy();
		}
		catch (ExecutionException ex) {
			throw rethrown(ex.getCause());
		}
	}

	private static RuntimeException rethrown(Throwable cause) {
		if (cause instanceof Error error) {
			throw error;
		}
		return (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
	}

	/** A hash nobody waits for any more leaves the queue, if it has not started. */
	private void giveUp(Future<?> result) {
		result.cancel(false);
		if (result instanceof Runnable queued) {
			this.pool.remove(queued);
		}
	}

	private static ApiException busy() {
		return new ApiException(ErrorCode.UNAVAILABLE, BUSY, RETRY_AFTER_SECONDS);
	}

	private static Counter rejections(MeterRegistry meters, String reason) {
		return Counter.builder("video.hash.rejected")
			.description("Sign-ups and logins answered 503 because password hashing was busy")
			.tag("reason", reason)
			.register(meters);
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
