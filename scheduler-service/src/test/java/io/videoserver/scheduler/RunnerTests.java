package io.videoserver.scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.videoserver.scheduler.execution.LocalVideoRemover;
import io.videoserver.scheduler.execution.VideoRemover;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One replica's runner on the real database: the hand-off from dispatcher to executor,
 * retries and parking, and a shutdown that finishes or releases its batch.
 */
class RunnerTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	private TestDatabaseHandle database;

	private JdbcClient jdbc;

	@BeforeEach
	void createQueue() {
		this.database = TestQueue.migratedDatabase();
		this.jdbc = JdbcClient.create(this.database.dataSource());
	}

	@Test
	void runnerDeletesEveryQueuedVideoAndItsRow() throws IOException {
		List<String> ids = TestQueue.queueVideosWithFiles(this.database.dataSource(), this.dir, 120);
		RecordingVideoRemover files = new RecordingVideoRemover(new LocalVideoRemover(this.dir));
		TestReplica replica = replica(files, TestReplica.settings("solo")).start();
		try (replica) {
			await().atMost(PATIENCE).until(() -> TestQueue.rows(this.database.dataSource()) == 0);
		}
		// stopping waits for the deletions under way, so the meters are final now
		assertThat(replica.counter("video.deletion.deleted")).isEqualTo(ids.size());
		assertThat(TestQueue.files(this.dir)).isZero();
		assertThat(files.calls()).hasSize(ids.size()).allSatisfy((id, calls) -> assertThat(calls).hasValue(1));
	}

	@Test
	void failingDeletionIsRetriedWithBackOffThenParkedAndKept() throws IOException {
		String id = VideoIds.newId();
		Files.createDirectories(this.dir.resolve(id).resolve("not-empty"));
		TestQueue.insertRows(this.jdbc, List.of(id));
		TestReplica replica = replica(new LocalVideoRemover(this.dir), TestReplica.settings("solo")).start();
		try (replica) {
			await().atMost(PATIENCE).until(() -> isParked(id));
		}
		// stopping waits for the deletions under way, so the meters are final now
		assertThat(replica.counter("video.deletion.failed")).isEqualTo(3);
		assertThat(replica.counter("video.deletion.parked")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT attempts, last_error FROM video_del_rec").query().singleRow())
			.containsEntry("attempts", 3)
			.hasEntrySatisfying("last_error", (error) -> assertThat(error).asString().contains("DirectoryNotEmpty"));
		assertThat(this.dir.resolve(id)).isDirectory();
	}

	@Test
	void passingFailureIsRetriedUntilTheFilesAreGone() throws IOException {
		List<String> ids = TestQueue.queueVideosWithFiles(this.database.dataSource(), this.dir, 1);
		VideoRemover flaky = failingTimes(2, new LocalVideoRemover(this.dir));
		TestReplica replica = replica(flaky, TestReplica.settings("solo")).start();
		try (replica) {
			await().atMost(PATIENCE).until(() -> TestQueue.rows(this.database.dataSource()) == 0);
		}
		// stopping waits for the deletions under way, so the meters are final now
		assertThat(replica.counter("video.deletion.failed")).isEqualTo(2);
		assertThat(replica.counter("video.deletion.deleted")).isEqualTo(1);
		assertThat(this.dir.resolve(ids.get(0))).doesNotExist();
	}

	@Test
	void runnerClaimsNothingWhileTheVideoDirectoryIsMissing() throws Exception {
		Path unmounted = this.dir.resolve("unmounted");
		String id = VideoIds.newId();
		TestQueue.insertRows(this.jdbc, List.of(id));
		TestReplica replica = replica(new LocalVideoRemover(unmounted), TestReplica.settings("solo")).start();
		try (replica) {
			Thread.sleep(500); // ten intervals without a store
			assertThat(leasedTo("solo")).isZero();
			Files.createDirectories(unmounted);
			Files.writeString(unmounted.resolve(id), "mp4");
			await().atMost(PATIENCE).until(() -> TestQueue.rows(this.database.dataSource()) == 0);
		}
		// stopping waits for the deletions under way, so the meters are final now
		assertThat(replica.counter("video.deletion.failed")).isZero();
		assertThat(unmounted.resolve(id)).doesNotExist();
	}

	@Test
	void invalidIdIsParkedAtOnceWithoutTouchingFiles() {
		TestQueue.insertRows(this.jdbc, List.of("../../etc"));
		RecordingVideoRemover files = new RecordingVideoRemover(new LocalVideoRemover(this.dir));
		try (TestReplica replica = replica(files, TestReplica.settings("solo")).start()) {
			await().atMost(PATIENCE).until(() -> isParked("../../etc"));
		}
		assertThat(files.calls()).isEmpty();
	}

	@Test
	void dispatcherWaitsForABusyExecutorAndShutdownReleasesWhatWasNotStarted() throws Exception {
		List<String> ids = TestQueue.queueVideosWithFiles(this.database.dataSource(), this.dir, 10);
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		RecordingVideoRemover files = new RecordingVideoRemover(
				blocking(entered, proceed, new LocalVideoRemover(this.dir)));
		TestReplica replica = replica(files, TestReplica.settings("stuck", 10, 1, Duration.ofMinutes(5), 3)).start();
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(leasedTo("stuck")).isEqualTo(10);
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(replica::close);
		// 1 working, 2 in the channel
		await().atMost(PATIENCE).until(() -> leasedTo("stuck") <= 3);
		assertThat(stopping).isNotDone();
		proceed.countDown();
		stopping.get(30, TimeUnit.SECONDS);
		assertThat(files.calls()).hasSize(1);
		assertThat(TestQueue.rows(this.database.dataSource())).isEqualTo(9);
		assertThat(leasedTo("stuck")).isZero();
		assertThat(ids).filteredOn((id) -> Files.exists(this.dir.resolve(id))).hasSize(9);
	}

	private TestReplica replica(VideoRemover files, SchedulerProperties.Scheduler settings) {
		return new TestReplica(this.database.jdbcUrl(), this.database.username(), this.database.password(), files,
				settings);
	}

	private boolean isParked(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_del_rec WHERE video_id = :id AND parked")
			.param("id", id)
			.query(Integer.class)
			.single() == 1;
	}

	private int leasedTo(String owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_del_rec WHERE lease_owner = :owner")
			.param("owner", owner)
			.query(Integer.class)
			.single();
	}

	private static VideoRemover failingTimes(int failures, VideoRemover files) {
		AtomicInteger calls = new AtomicInteger();
		return AroundVideoRemover.around(files, (id, claimedAt, inner) -> {
			if (calls.incrementAndGet() <= failures) {
				throw new IOException("simulated I/O error");
			}
			return inner.delete(id, claimedAt);
		});
	}

	private static VideoRemover blocking(CountDownLatch entered, CountDownLatch proceed, VideoRemover files) {
		return AroundVideoRemover.around(files, (id, claimedAt, inner) -> {
			entered.countDown();
			try {
				proceed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return inner.delete(id, claimedAt);
		});
	}

}
