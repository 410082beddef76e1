package io.videoserver.shared;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How much a user may store and how much their videos take: api-service shows both on the
 * user's page and stream-service admits uploads against them, so both count by this rule.
 */
public final class StorageQuota {

	private static final String SUM_OF_AUTHOR = "SELECT COALESCE(SUM(file_size), 0) FROM video_info WHERE author_id = ";

	private static final String USED = SUM_OF_AUTHOR + ":userId";

	private StorageQuota() {
	}

	/**
	 * What a user's videos may take.
	 * @param ownQuota the user's own {@code users.quota_bytes}, null when not set
	 * @param defaultQuota the configured {@code video.upload.user-quota}
	 */
	public static long of(@Nullable Long ownQuota, long defaultQuota) {
		return (ownQuota != null) ? ownQuota : defaultQuota;
	}

	/**
	 * What all of a user's stored video files take, as a scalar subquery for a statement
	 * that reads the user's row anyway and should not cost a second round trip.
	 * @param userIdColumn the column holding the user's id, e.g. {@code u.id}: a name
	 * written in the code, never a value from a request
	 */
	public static String usedBytesOf(String userIdColumn) {
		return "(" + SUM_OF_AUTHOR + userIdColumn + ")";
	}

	/**
	 * What a user's stored video files take but one's: a re-upload replaces that file.
	 * @param vid the video being replaced
	 */
	public static long usedBytesBesides(JdbcClient jdbc, long userId, String vid) {
		return jdbc.sql(USED + " AND id <> :vid").param("userId", userId).param("vid", vid).query(Long.class).single();
	}

}
