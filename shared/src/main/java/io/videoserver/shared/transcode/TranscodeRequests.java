package io.videoserver.shared.transcode;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.videoserver.shared.VideoId;

/**
 * Queues a video for transcoding in {@code video_transcode}, the one statement that
 * stream-service (an upload completed) and any later writer run, so that a request means
 * the same from either: queued, or queued afresh for the newest upload.
 */
public final class TranscodeRequests {

	/**
	 * Which stored file a job reads (see
	 * {@link io.videoserver.shared.store.VideoLayout}).
	 */
	public enum Source {

		/** The stored MP4 {@code {vid}}, playable already: the job adds the ladder. */
		VIDEO("video"),

		/** The upload kept as {@code {vid}.source}: the job makes {@code {vid}} too. */
		UPLOAD("upload");

		private final String column;

		Source(String column) {
			this.column = column;
		}

		/** The value stored in {@code video_transcode.source}. */
		public String column() {
			return this.column;
		}

		/**
		 * @throws IllegalArgumentException for a value this version does not know
		 */
		public static Source of(String column) {
			for (Source source : values()) {
				if (source.column.equals(column)) {
					return source;
				}
			}
			throw new IllegalArgumentException("Unknown transcoding source: " + column);
		}

	}

	private final JdbcClient jdbc;

	public TranscodeRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues the video's newest upload. A video queued already is queued afresh with the
	 * next generation: due now, with a fresh set of attempts, no error and no progress,
	 * no longer parked; a replica still working an older generation keeps its lease, and
	 * may no longer write its result. The published ladder stays until a new one replaces
	 * it. Runs in the caller's transaction, if any.
	 * @return false when the video does not exist (nothing was queued)
	 */
	public boolean enqueue(VideoId vid, Source source) {
		return this.jdbc.sql("""
				INSERT INTO video_transcode (video_id, source)
				SELECT id, :source FROM video_info WHERE id = :id
				ON DUPLICATE KEY UPDATE generation = generation + 1, source = VALUES(source), state = 'queued',
				progress = 0, queued_at = NOW(3), attempts = 0, next_attempt_at = NOW(3), parked = FALSE,
				last_error = NULL
				""").param("id", vid.value()).param("source", source.column()).update() > 0;
	}

}
