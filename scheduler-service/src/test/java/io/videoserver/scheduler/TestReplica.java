package io.videoserver.scheduler;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.videoserver.scheduler.dispatch.DeletionQueue;
import io.videoserver.scheduler.execution.VideoRemover;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * One scheduler replica without Spring Boot: its own connection pool, lease owner and
 * metrics, assembled exactly as the application assembles it.
 */
public final class TestReplica implements AutoCloseable {

	private final HikariDataSource pool;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DeletionQueue queue;

	private final Runner runner;

	public TestReplica(String jdbcUrl, String username, String password, VideoRemover files,
			SchedulerProperties.Scheduler settings) {
		this.pool = TestQueue.pool(jdbcUrl, username, password, settings.concurrency() + 2);
		this.queue = new DeletionQueue(JdbcClient.create(this.pool), settings.replicaId());
		this.runner = RunnerConfiguration.assemble(this.queue, files, new JdbcTransactionManager(this.pool), settings,
				this.meters);
	}

	/**
	 * Settings for fast tests: short interval, small batches, a lease that outlives them.
	 */
	public static SchedulerProperties.Scheduler settings(String replicaId, int batchSize, int concurrency,
			Duration lease, int maxAttempts) {
		return new SchedulerProperties.Scheduler(Duration.ofMillis(50), batchSize, concurrency, lease, maxAttempts,
				Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(10), replicaId);
	}

	public static SchedulerProperties.Scheduler settings(String replicaId) {
		return settings(replicaId, 25, 4, Duration.ofMinutes(5), 3);
	}

	public TestReplica start() {
		this.runner.start();
		return this;
	}

	public Runner runner() {
		return this.runner;
	}

	public DeletionQueue queue() {
		return this.queue;
	}

	public HikariDataSource pool() {
		return this.pool;
	}

	public double counter(String name) {
		return this.meters.counter(name).count();
	}

	public SimpleMeterRegistry meters() {
		return this.meters;
	}

	@Override
	public void close() {
		if (this.runner.isRunning()) {
			this.runner.stop();
		}
		this.pool.close();
	}

}
