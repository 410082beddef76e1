package io.videoserver.scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.videoserver.scheduler.execution.LocalVideoRemover;
import io.videoserver.scheduler.execution.VideoRemover;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several replicas, in this JVM and in processes of their own, race over thousands of
 * rows of one real database: every file is deleted exactly once, no row is lost and none
 * is left, and a replica killed mid-batch loses nothing.
 */
class ReplicaRaceTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@TempDir
	Path dir;

	@TempDir
	Path work;

	private TestDatabaseHandle database;

	@BeforeEach
	void createQueue() {
		this.database = TestQueue.migratedDatabase();
	}

	@Test
	void fourReplicasInOneJvmDeleteEveryVideoExactlyOnce() throws IOException {
		List<String> ids = TestQueue.queueVideosWithFiles(this.database.dataSource(), this.dir, 3000);
		List<RecordingVideoRemover> files = new ArrayList<>();
		List<TestReplica> replicas = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			files.add(new RecordingVideoRemover(new LocalVideoRemover(this.dir)));
			replicas.add(replica(files.get(i), TestReplica.settings("jvm-" + i)).start());
		}
		try {
			await().atMost(PATIENCE).until(() -> TestQueue.rows(this.database.dataSource()) == 0);
		}
		finally {
			replicas.forEach(TestReplica::close);
		}
		Map<String, Integer> calls = merge(files.stream().map(RecordingVideoRemover::calls).toList());
		assertThat(calls).hasSize(ids.size()).containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).isOne());
		assertThat(replicas.stream().mapToDouble((r) -> r.counter("video.deletion.deleted")).sum())
			.isEqualTo(ids.size());
		assertThat(replicas).allSatisfy((r) -> assertThat(r.counter("video.deletion.failed")).isZero());
		assertThat(TestQueue.files(this.dir)).isZero();
	}

	@Test
	void threeReplicaProcessesDeleteEveryVideoExactlyOnce() throws Exception {
		List<String> ids = TestQueue.queueVideosWithFiles(this.database.dataSource(), this.dir, 3000);
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			outputs.add(this.work.resolve("replica-" + i + ".txt"));
			processes.add(start(outputs.get(i), "process-" + i, 300_000, 0));
		}
		for (Process process : processes) {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isZero();
		}
		List<Map<String, ? extends Number>> perProcess = new ArrayList<>();
		for (Path output : outputs) {
			perProcess.add(read(output));
		}
		Map<String, Integer> calls = merge(perProcess);
		assertThat(calls).hasSize(ids.size()).containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).isOne());
		assertThat(perProcess).allSatisfy((replicaCalls) -> assertThat(replicaCalls).isNotEmpty());
		assertThat(TestQueue.rows(this.database.dataSource())).isZero();
		assertThat(TestQueue.files(this.dir)).isZero();
	}

	@Test
	void replicaKilledMidBatchLosesNothing() throws Exception {
		List<String> ids = TestQueue.queueVideosWithFiles(this.database.dataSource(), this.dir, 400);
		Process doomed = start(this.work.resolve("doomed.txt"), "doomed", 1_000, 30);
		assertThat(doomed.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(doomed.exitValue()).isEqualTo(137);
		long left = TestQueue.rows(this.database.dataSource());
		assertThat(left).isGreaterThan(ids.size() - 30);
		assertThat(leasedTo("doomed")).isPositive();
		RecordingVideoRemover files = new RecordingVideoRemover(new LocalVideoRemover(this.dir));
		TestReplica survivor = replica(files, TestReplica.settings("survivor")).start();
		try (survivor) {
			await().atMost(PATIENCE).until(() -> TestQueue.rows(this.database.dataSource()) == 0);
		}
		// stopping waits for the deletions under way, so the meters are final now
		assertThat(survivor.counter("video.deletion.deleted")).isEqualTo(left);
		assertThat(survivor.counter("video.deletion.failed")).isZero();
		assertThat(files.removed().values()).anySatisfy((removed) -> assertThat(removed).hasValue(0));
		assertThat(TestQueue.files(this.dir)).isZero();
	}

	@Test
	void leasesRunningOutMidBatchNeitherLoseRowsNorFail() throws IOException {
		List<String> ids = TestQueue.queueVideosWithFiles(this.database.dataSource(), this.dir, 300);
		List<RecordingVideoRemover> files = new ArrayList<>();
		List<TestReplica> replicas = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			// A batch takes about 10 x 20 ms, so most
			// of its leases (50 ms) run out mid-batch.
			SchedulerProperties.Scheduler settings = TestReplica.settings("slow-" + i, 10, 1, Duration.ofMillis(50), 3);
			files.add(new RecordingVideoRemover(slow(new LocalVideoRemover(this.dir))));
			replicas.add(replica(files.get(i), settings).start());
		}
		try {
			await().atMost(PATIENCE).until(() -> TestQueue.rows(this.database.dataSource()) == 0);
		}
		finally {
			replicas.forEach(TestReplica::close);
		}
		assertThat(replicas.stream().mapToDouble((r) -> r.counter("video.deletion.deleted")).sum())
			.isEqualTo(ids.size());
		assertThat(replicas).allSatisfy((r) -> assertThat(r.counter("video.deletion.failed")).isZero());
		Map<String, Integer> calls = merge(files.stream().map(RecordingVideoRemover::calls).toList());
		assertThat(calls).containsOnlyKeys(ids);
		assertThat(calls.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(ids.size());
		assertThat(TestQueue.files(this.dir)).isZero();
	}

	private TestReplica replica(VideoRemover files, SchedulerProperties.Scheduler settings) {
		return new TestReplica(this.database.jdbcUrl(), this.database.username(), this.database.password(), files,
				settings);
	}

	private Process start(Path output, String replicaId, long leaseMillis, int haltAfter) throws IOException {
		return ReplicaProcess.start(output, this.database.jdbcUrl(), this.database.username(), this.database.password(),
				this.dir, replicaId, leaseMillis, haltAfter);
	}

	private long leasedTo(String owner) {
		return JdbcClient.create(this.database.dataSource())
			.sql("SELECT COUNT(*) FROM video_del_rec WHERE lease_owner = :owner")
			.param("owner", owner)
			.query(Long.class)
			.single();
	}

	private static Map<String, Integer> read(Path output) throws IOException {
		Map<String, Integer> calls = new HashMap<>();
		for (String line : Files.readAllLines(output)) {
			String[] parts = line.split(" ");
			calls.put(parts[0], Integer.valueOf(parts[1]));
		}
		return calls;
	}

	private static Map<String, Integer> merge(List<? extends Map<String, ? extends Number>> maps) {
		Map<String, Integer> merged = new HashMap<>();
		maps.forEach((map) -> map.forEach((id, n) -> merged.merge(id, n.intValue(), Integer::sum)));
		return merged;
	}

	private static VideoRemover slow(VideoRemover files) {
		return AroundVideoRemover.around(files, (id, claimedAt, inner) -> {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return inner.delete(id, claimedAt);
		});
	}

}
