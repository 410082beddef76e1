package io.videoserver.scheduler.dispatch;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.videoserver.scheduler.TestQueue;
import io.videoserver.scheduler.consistency.TestChecker;
import io.videoserver.shared.consistency.ConsistencyReport;
import io.videoserver.scheduler.execution.Deleter;
import io.videoserver.scheduler.execution.RetryPolicy;
import io.videoserver.scheduler.execution.S3VideoRemover;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.testfault.FaultProxy;
import io.videoserver.shared.testfault.FaultProxy.Fault;
import io.videoserver.shared.tests3.TestS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deletions through a bucket that is slow, answers 500, resets connections or cuts
 * requests short (a {@link FaultProxy} in front of the test S3 server, 1 s socket
 * timeout, one retry): each failed attempt keeps the row, counts the attempt and pushes
 * the next one back (doubling); nothing is dropped and nothing parked before the policy
 * says so; once the bucket heals the deletion completes and the consistency check finds
 * nothing.
 */
class FailingBucketDeletionTests {

	private static final String OWNER = "faulty";

	private final TestS3 s3 = TestS3.get();

	private final String bucket = this.s3.createBucket();

	private final FaultProxy proxy = new FaultProxy(this.s3.endpoint());

	private HikariDataSource pool;

	private JdbcClient jdbc;

	@BeforeEach
	void createDatabase() {
		this.pool = TestQueue.pool(TestQueue.migratedDatabase(), 2);
		this.jdbc = JdbcClient.create(this.pool);
	}

	@AfterEach
	void close() throws Exception {
		this.pool.close();
		this.proxy.close();
	}

	@Test
	void failedDeletionsAreRetriedWithBackOffAndNeverDropped() throws Exception {
		S3Settings settings = new S3Settings(this.proxy.endpoint().toString(), TestS3.REGION, this.bucket, "", true,
				TestS3.ACCESS_KEY, TestS3.SECRET_KEY)
			.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(3),
					1);
		DeletionQueue queue = new DeletionQueue(this.jdbc, OWNER);
		Deleter deleter = new Deleter(S3VideoRemover.of(settings, 1), queue,
				new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(5)), new SimpleMeterRegistry());
		String vid = VideoIds.newId();
		try (S3Client client = this.s3.client()) {
			client.putObject((request) -> request.bucket(this.bucket).key(vid), RequestBody.fromString("video"));
		}
		this.jdbc.sql("INSERT INTO video_del_rec (video_id) VALUES (:id)").param("id", vid).update();

		long longest = 0;
		int attempts = 0;
		for (Fault fault : new Fault[] { Fault.error500(), Fault.reset(), Fault.latency(Duration.ofSeconds(2)),
				Fault.truncate(100) }) {
			this.proxy.set(fault);
			lease(vid);
			long started = System.nanoTime();
			deleter.delete(new Deletion(vid, attempts, System.nanoTime(), new ClaimedBatch(1, false)));
			longest = Math.max(longest, System.nanoTime() - started);
			attempts++;
			assertThat(this.jdbc
				.sql("SELECT attempts FROM video_del_rec WHERE video_id = :id AND parked = FALSE "
						+ "AND lease_owner IS NULL AND next_attempt_at > NOW(3)")
				.param("id", vid)
				.query(Integer.class)
				.optional()).as("the row after a failure through " + fault.kind()).hasValue(attempts);
			assertThat(stored(vid)).isTrue();
		}
		assertThat(this.jdbc.sql("SELECT last_error FROM video_del_rec").query(String.class).single())
			.contains("from S3 failed");

		this.proxy.set(Fault.none());
		lease(vid);
		long healed = System.nanoTime();
		deleter.delete(new Deletion(vid, attempts, System.nanoTime(), new ClaimedBatch(1, false)));
		long recovered = System.nanoTime() - healed;
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM video_del_rec").query(Long.class).single()).isZero();
		assertThat(stored(vid)).isFalse();
		try (S3Client client = this.s3.client()) {
			ConsistencyReport report = TestChecker.forBucket(this.jdbc, client, this.bucket).check();
			assertThat(report.findings()).isEmpty();
		}
		System.out.printf("Failing bucket, deletions: longest failed attempt %d ms, deletion after healing %d ms%n",
				longest / 1_000_000, recovered / 1_000_000);
	}

	/** What a claim does: the row leased to this replica, due now. */
	private void lease(String vid) {
		this.jdbc
			.sql("UPDATE video_del_rec SET lease_owner = :owner, lease_until = NOW(3) + INTERVAL 1 MINUTE, "
					+ "next_attempt_at = NOW(3) WHERE video_id = :id")
			.param("owner", OWNER)
			.param("id", vid)
			.update();
	}

	private boolean stored(String vid) {
		try (S3Client client = this.s3.client()) {
			return client.listObjectsV2((request) -> request.bucket(this.bucket).prefix(vid))
				.contents()
				.stream()
				.anyMatch((object) -> object.key().equals(vid));
		}
	}

}
