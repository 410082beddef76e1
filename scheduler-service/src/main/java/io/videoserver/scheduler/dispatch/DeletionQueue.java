package io.videoserver.scheduler.dispatch;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One replica's view of {@code video_del_rec}: every change after the claim is guarded by
 * {@code lease_owner}, so a replica whose lease passed to another changes nothing.
 */
public class DeletionQueue {

	private static final int MAX_ERROR_LENGTH = 512;

	private final JdbcClient jdbc;

	private final String owner;

	public DeletionQueue(JdbcClient jdbc, String owner) {
		this.jdbc = jdbc;
		this.owner = owner;
	}

	public String owner() {
		return this.owner;
	}

	/**
	 * Locks due rows that nobody holds, skipping rows another claim has locked; call it
	 * inside the claim's transaction, followed by {@link #lease}.
	 */
	List<ClaimedRow> lockDue(int limit) {
		return this.jdbc.sql("""
				SELECT video_id, attempts FROM video_del_rec
				WHERE parked = FALSE AND next_attempt_at <= NOW(3)
				  AND (lease_until IS NULL OR lease_until < NOW(3))
				ORDER BY next_attempt_at
				LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""").param("limit", limit).query(ClaimedRow.class).list();
	}

	void lease(Collection<String> videoIds, Duration lease) {
		this.jdbc.sql("""
				UPDATE video_del_rec
				SET lease_owner = :owner, lease_until = DATE_ADD(NOW(3), INTERVAL :micros MICROSECOND)
				WHERE video_id IN (:ids)
				""").param("owner", this.owner).param("micros", lease.toNanos() / 1000).param("ids", videoIds).update();
	}

	/**
	 * Removes a row whose files are gone.
	 * @return false when the lease was lost (another replica now owns the row)
	 */
	public boolean complete(String videoId) {
		return this.jdbc.sql("DELETE FROM video_del_rec WHERE video_id = :id AND lease_owner = :owner")
			.param("id", videoId)
			.param("owner", this.owner)
			.update() == 1;
	}

	public boolean retryLater(String videoId, int attempts, Duration delay, String error) {
		return this.jdbc.sql("""
				UPDATE video_del_rec
				SET attempts = :attempts, last_error = :error, lease_owner = NULL, lease_until = NULL,
				    next_attempt_at = DATE_ADD(NOW(3), INTERVAL :micros MICROSECOND)
				WHERE video_id = :id AND lease_owner = :owner
				""")
			.param("attempts", attempts)
			.param("error", truncate(error))
			.param("micros", delay.toNanos() / 1000)
			.param("id", videoId)
			.param("owner", this.owner)
			.update() == 1;
	}

	public boolean park(String videoId, int attempts, String error) {
		return this.jdbc.sql("""
				UPDATE video_del_rec
				SET attempts = :attempts, last_error = :error, lease_owner = NULL, lease_until = NULL, parked = TRUE
				WHERE video_id = :id AND lease_owner = :owner
				""")
			.param("attempts", attempts)
			.param("error", truncate(error))
			.param("id", videoId)
			.param("owner", this.owner)
			.update() == 1;
	}

	/**
	 * Gives rows back unworked (shutdown), so that any replica may claim them at once.
	 */
	public int release(Collection<String> videoIds) {
		if (videoIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				UPDATE video_del_rec SET lease_owner = NULL, lease_until = NULL
				WHERE video_id IN (:ids) AND lease_owner = :owner
				""").param("ids", videoIds).param("owner", this.owner).update();
	}

	/**
	 * Counts the whole queue (every replica's rows): one cheap scan of a small table.
	 */
	public QueueCounts counts() {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(parked = FALSE), 0) AS waiting, COALESCE(SUM(parked = TRUE), 0) AS parked
				FROM video_del_rec
				""").query(QueueCounts.class).single();
	}

	private static String truncate(String error) {
		return (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
	}

}
