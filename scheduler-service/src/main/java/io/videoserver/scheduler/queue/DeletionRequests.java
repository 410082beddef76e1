package io.videoserver.scheduler.queue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes deletion requests into {@code video_del_rec}, refusing, in the same statement,
 * any video whose metadata still exists.
 */
@Repository
class DeletionRequests {

	private final JdbcClient jdbc;

	DeletionRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues the video, or leaves it queued; queueing a parked row again gives it a fresh
	 * set of attempts, starting now.
	 * @param videoId a valid video id
	 * @return false when {@code video_info} still holds the video, so nothing was queued
	 */
	boolean enqueue(String videoId) {
		// The assignments read attempts and next_attempt_at before parked changes, in
		// MySQL's left-to-right order and in MariaDB's simultaneous one alike.
		int updated = this.jdbc.sql("""
				INSERT INTO video_del_rec (video_id)
				SELECT :id FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM video_info WHERE id = :id)
				ON DUPLICATE KEY UPDATE
				    attempts = IF(parked, 0, attempts),
				    next_attempt_at = IF(parked, NOW(3), next_attempt_at),
				    last_error = IF(parked, NULL, last_error),
				    parked = FALSE
				""").param("id", videoId).update();
		// A driver that reports affected rather than found rows answers 0 for a row that
		// was queued already and stays unchanged.
		return updated > 0 || !videoExists(videoId);
	}

	private boolean videoExists(String videoId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_info WHERE id = :id")
			.param("id", videoId)
			.query(Integer.class)
			.single() > 0;
	}

}
