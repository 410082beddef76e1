package io.videoserver.shared.deletion;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queues a video's files for deletion in {@code video_del_rec}, the one statement that
 * the api-service (deleting a video) and the scheduler-service (its queue endpoint) both
 * run, so that a request means the same from either: queued, or queued afresh.
 */
public final class DeletionRequests {

	private final JdbcClient jdbc;

	public DeletionRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues the video's files, refusing, in the same statement, a video whose metadata
	 * still exists. A video already queued is queued afresh: due now, with a fresh set of
	 * attempts and no error, and no longer parked (the operator's "retry this"); a
	 * replica working it keeps its lease.
	 * @param videoId a valid video id
	 * @return false when {@code video_info} still holds the video, so nothing was queued
	 */
	public boolean enqueue(String videoId) {
		int updated = this.jdbc.sql("""
				INSERT INTO video_del_rec (video_id)
				SELECT :id FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM video_info WHERE id = :id)
				ON DUPLICATE KEY UPDATE attempts = 0, next_attempt_at = NOW(3), last_error = NULL, parked = FALSE
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
