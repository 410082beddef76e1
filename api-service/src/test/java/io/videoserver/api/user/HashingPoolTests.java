package io.videoserver.api.user;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bound alone: one thread, one place in the queue, and what a third hash is told.
 */
class HashingPoolTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.callers.shutdownNow();
	}

	@Test
	void aHashAnswersItsResultOnTheCallersBehalf() {
		try (HashingPool pool = pool(Duration.ofSeconds(5))) {
			assertThat(pool.run(() -> Thread.currentThread().getName())).startsWith("hash-");
			assertThat(this.meters.get("video.hash").timer().count()).isOne();
		}
	}

	@Test
	void aHashBeyondTheQueueIsRefusedAtOnceWithRetryAfter() throws Exception {
		try (HashingPool pool = pool(Duration.ofSeconds(30))) {
			CompletableFuture<String> running = call(pool, "running");
			waitFor("video.hash.active", 1);
			CompletableFuture<String> queued = call(pool, "queued");
			waitFor("video.hash.queue", 1);
			assertBusy(pool);
			assertThat(this.meters.get("video.hash.rejected").tag("reason", "queue-full").counter().count()).isOne();
			this.release.countDown();
			assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("running");
			assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
		}
	}

	@Test
	void aHashNotDoneInTimeIsGivenUpAndLeavesTheQueue() {
		try (HashingPool pool = pool(Duration.ofMillis(200))) {
			CompletableFuture<String> running = call(pool, "running");
			// its caller gives up; the hash itself runs on and holds the thread
			assertThatExceptionOfType(CompletionException.class).isThrownBy(running::join)
				.withCauseInstanceOf(ApiException.class);
			assertThat(gauge("video.hash.active")).isOne();
			assertBusy(pool);
			assertThat(gauge("video.hash.queue")).isZero();
			assertThat(this.meters.get("video.hash.rejected").tag("reason", "timeout").counter().count()).isEqualTo(2);
		}
	}

	@Test
	void aFailingHashThrowsItsOwnException() {
		try (HashingPool pool = pool(Duration.ofSeconds(5))) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> pool.run(() -> {
				throw new IllegalArgumentException("bad salt");
			})).withMessage("bad salt");
		}
	}

	private void assertBusy(HashingPool pool) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> pool.run(() -> "refused")).satisfies(ex -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE);
			assertThat(ex.retryAfterSeconds()).isPositive();
		});
	}

	/** A caller whose hash holds its thread until the test releases it. */
	private CompletableFuture<String> call(HashingPool pool, String result) {
		return CompletableFuture.supplyAsync(() -> pool.run(() -> {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return result;
		}), this.callers);
	}

	private void waitFor(String gauge, double value) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (gauge(gauge) != value && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(gauge(gauge)).isEqualTo(value);
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	private HashingPool pool(Duration timeout) {
		return new HashingPool(
				new ApiProperties(
						new ApiProperties.Session(Duration.ofMinutes(30), Duration.ofSeconds(10),
								Duration.ofMinutes(1)),
						new ApiProperties.RateLimit(0, null),
						new ApiProperties.Login(10, 30, 100, Duration.ofMinutes(10)),
						new ApiProperties.Upload(DataSize.ofGigabytes(1), DataSize.ofGigabytes(10)),
						new ApiProperties.Hash(1, 1, timeout), new ApiProperties.ListCache(Duration.ZERO, 1)),
				this.meters);
	}

}
