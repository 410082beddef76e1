package io.videoserver.scheduler.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

import com.zaxxer.hikari.HikariDataSource;
import io.videoserver.scheduler.TestQueue;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim and the lease-guarded updates of {@link DeletionQueue} on the real database.
 */
class DeletionQueueTests {

	private HikariDataSource pool;

	private JdbcClient jdbc;

	private DeletionQueue alpha;

	private DeletionQueue beta;

	@BeforeEach
	void createQueue() {
		TestDatabaseHandle database = TestQueue.migratedDatabase();
		this.pool = TestQueue.pool(database, 4);
		this.jdbc = JdbcClient.create(this.pool);
		this.alpha = new DeletionQueue(this.jdbc, "alpha");
		this.beta = new DeletionQueue(this.jdbc, "beta");
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	@Test
	void claimLeasesDueRowsToTheClaimingReplica() {
		List<String> ids = queue(3);
		List<ClaimedRow> claimed = dispatcher(this.alpha, 10, Duration.ofMinutes(1)).claim();
		assertThat(claimed).extracting(ClaimedRow::videoId).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(owners()).containsOnly("alpha");
		assertThat(dispatcher(this.beta, 10, Duration.ofMinutes(1)).claim()).isEmpty();
	}

	@Test
	void claimTakesAtMostTheBatchSize() {
		queue(5);
		assertThat(dispatcher(this.alpha, 2, Duration.ofMinutes(1)).claim()).hasSize(2);
		assertThat(dispatcher(this.beta, 10, Duration.ofMinutes(1)).claim()).hasSize(3);
	}

	@Test
	void expiredLeaseIsClaimedByAnotherReplica() {
		queue(2);
		dispatcher(this.alpha, 10, Duration.ofMillis(1)).claim();
		this.jdbc.sql("UPDATE video_del_rec SET lease_until = NOW(3) - INTERVAL 1 SECOND").update();
		assertThat(dispatcher(this.beta, 10, Duration.ofMinutes(1)).claim()).hasSize(2);
		assertThat(owners()).containsOnly("beta");
	}

	@Test
	void claimSkipsRowsThatAnotherClaimHoldsLockedAndAnAbortedClaimLosesNothing() throws Exception {
		List<String> ids = queue(4);
		try (Connection other = this.pool.getConnection()) {
			other.setAutoCommit(false);
			List<String> locked = lockTwo(other);
			List<ClaimedRow> claimed = dispatcher(this.beta, 10, Duration.ofMinutes(1)).claim();
			assertThat(claimed).extracting(ClaimedRow::videoId).doesNotContainAnyElementsOf(locked).hasSize(2);
			other.rollback(); // the other replica dies before it commits its claim
		}
		List<ClaimedRow> rest = dispatcher(this.alpha, 10, Duration.ofMinutes(1)).claim();
		assertThat(rest).hasSize(2);
		assertThat(this.jdbc.sql("SELECT video_id FROM video_del_rec").query(String.class).list())
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void onlyTheLeaseOwnerCompletesTheRow() {
		String id = queue(1).get(0);
		dispatcher(this.alpha, 10, Duration.ofMinutes(1)).claim();
		assertThat(this.beta.complete(id)).isFalse();
		assertThat(this.beta.park(id, 1, "x")).isFalse();
		assertThat(this.alpha.complete(id)).isTrue();
		assertThat(this.alpha.counts()).isEqualTo(new QueueCounts(0, 0));
	}

	@Test
	void retryLaterClearsTheLeaseAndWaitsForTheBackOff() {
		String id = queue(1).get(0);
		dispatcher(this.alpha, 10, Duration.ofMinutes(1)).claim();
		assertThat(this.alpha.retryLater(id, 1, Duration.ofMinutes(1), "AccessDeniedException: x")).isTrue();
		assertThat(dispatcher(this.beta, 10, Duration.ofMinutes(1)).claim()).isEmpty();
		assertThat(this.jdbc.sql("SELECT attempts FROM video_del_rec").query(Integer.class).single()).isEqualTo(1);
		assertThat(owners()).containsOnly((String) null);
	}

	@Test
	void parkedRowIsNeverClaimedAndCountedApart() {
		List<String> ids = queue(2);
		dispatcher(this.alpha, 10, Duration.ofMinutes(1)).claim();
		this.alpha.park(ids.get(0), 3, "IOException: disk");
		this.alpha.release(List.of(ids.get(1)));
		assertThat(this.alpha.counts()).isEqualTo(new QueueCounts(1, 1));
		assertThat(dispatcher(this.beta, 10, Duration.ofMinutes(1)).claim()).extracting(ClaimedRow::videoId)
			.containsExactly(ids.get(1));
	}

	@Test
	void longErrorIsCutToTheColumn() {
		String id = queue(1).get(0);
		dispatcher(this.alpha, 10, Duration.ofMinutes(1)).claim();
		assertThat(this.alpha.park(id, 1, "e".repeat(2000))).isTrue();
		assertThat(this.jdbc.sql("SELECT last_error FROM video_del_rec").query(String.class).single()).hasSize(512);
	}

	private Dispatcher dispatcher(DeletionQueue queue, int batchSize, Duration lease) {
		return new Dispatcher(queue, new JdbcTransactionManager(this.pool), new ArrayBlockingQueue<>(1), batchSize,
				lease);
	}

	private List<String> queue(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(VideoIds.newId());
		}
		ids.forEach(
				(id) -> this.jdbc.sql("INSERT INTO video_del_rec (video_id) VALUES (:id)").param("id", id).update());
		return ids;
	}

	private List<String> owners() {
		return this.jdbc.sql("SELECT lease_owner FROM video_del_rec").query(String.class).list();
	}

	private static List<String> lockTwo(Connection connection) throws Exception {
		List<String> locked = new ArrayList<>();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT video_id FROM video_del_rec ORDER BY video_id LIMIT 2 FOR UPDATE");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				locked.add(rows.getString(1));
			}
		}
		return locked;
	}

}
