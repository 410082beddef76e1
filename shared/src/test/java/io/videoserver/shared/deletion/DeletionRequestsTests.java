package io.videoserver.shared.deletion;

import java.util.Map;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabaseServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-queue rule on a real database: a request for a video already in the queue queues
 * it afresh, whoever sends it.
 */
class DeletionRequestsTests {

	private static JdbcClient jdbc;

	private final DeletionRequests requests = new DeletionRequests(jdbc);

	private final String id = VideoIds.newId();

	@BeforeAll
	static void migrate() {
		jdbc = JdbcClient.create(TestDatabaseServer.shared().createMigratedDatabase().dataSource());
	}

	@Test
	void newVideoIsQueuedDueNow() {
		assertThat(this.requests.enqueue(this.id)).isTrue();
		assertThat(row()).containsEntry("attempts", 0).containsEntry("parked", false).containsEntry("due", "now");
	}

	@Test
	void videoWhoseMetadataStillExistsIsRefused() {
		jdbc.sql("INSERT INTO video_info (id, author_id, name) VALUES (:id, 1, 'live')").param("id", this.id).update();
		assertThat(this.requests.enqueue(this.id)).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM video_del_rec WHERE video_id = :id")
			.param("id", this.id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void parkedVideoIsQueuedAfreshWithFreshAttempts() {
		insert("attempts = 10, parked = TRUE, last_error = 'denied'");
		assertThat(this.requests.enqueue(this.id)).isTrue();
		assertThat(row()).containsEntry("attempts", 0)
			.containsEntry("parked", false)
			.containsEntry("last_error", null)
			.containsEntry("due", "now");
	}

	@Test
	void videoWaitingOutABackOffIsQueuedAfreshAndDueNow() {
		insert("attempts = 3, last_error = 'timeout', next_attempt_at = NOW(3) + INTERVAL 1 HOUR");
		assertThat(this.requests.enqueue(this.id)).isTrue();
		assertThat(row()).containsEntry("attempts", 0).containsEntry("last_error", null).containsEntry("due", "now");
	}

	@Test
	void replicaWorkingTheVideoKeepsItsLease() {
		insert("lease_owner = 'replica-a', lease_until = NOW(3) + INTERVAL 5 MINUTE");
		assertThat(this.requests.enqueue(this.id)).isTrue();
		assertThat(row()).containsEntry("lease_owner", "replica-a");
	}

	private void insert(String assignments) {
		jdbc.sql("INSERT INTO video_del_rec (video_id) VALUES (:id)").param("id", this.id).update();
		jdbc.sql("UPDATE video_del_rec SET " + assignments + " WHERE video_id = :id").param("id", this.id).update();
	}

	private Map<String, Object> row() {
		return jdbc.sql("""
				SELECT attempts, parked, last_error, lease_owner, IF(next_attempt_at <= NOW(3), 'now', 'later') AS due
				FROM video_del_rec WHERE video_id = :id""").param("id", this.id).query().singleRow();
	}

}
