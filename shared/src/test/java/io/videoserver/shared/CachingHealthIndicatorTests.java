package io.videoserver.shared;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class CachingHealthIndicatorTests {

	private final AtomicInteger checks = new AtomicInteger();

	private final AtomicLong now = new AtomicLong(1_000);

	private volatile Health answer = Health.up().build();

	private final HealthIndicator database = () -> {
		this.checks.incrementAndGet();
		return this.answer;
	};

	private final CachingHealthIndicator cached = new CachingHealthIndicator(this.database, Duration.ofSeconds(5),
			this.now::get);

	@Test
	void repeatedCallsWithinThePeriodAskTheDatabaseOnce() {
		for (int i = 0; i < 100; i++) {
			assertThat(this.cached.health().getStatus()).isEqualTo(Status.UP);
			this.now.addAndGet(Duration.ofMillis(49).toNanos());
		}
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void theDatabaseIsAskedAgainOncePerPeriod() {
		this.cached.health();
		this.answer = Health.down().build();
		this.now.addAndGet(Duration.ofMillis(4_999).toNanos());
		assertThat(this.cached.health().getStatus()).as("still the cached result").isEqualTo(Status.UP);
		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(this.cached.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.cached.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void concurrentCallersShareOneCheck() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Health>> results = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				results.add(pool.submit(() -> this.cached.health()));
			}
			for (Future<Health> result : results) {
				assertThat(result.get().getStatus()).isEqualTo(Status.UP);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void aZeroPeriodAsksEveryTime() {
		CachingHealthIndicator uncached = new CachingHealthIndicator(this.database, Duration.ZERO, this.now::get);
		uncached.health();
		uncached.health();
		assertThat(this.checks).hasValue(2);
	}

}
