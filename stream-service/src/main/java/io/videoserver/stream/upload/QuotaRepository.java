package io.videoserver.stream.upload;

import java.util.Optional;

import io.videoserver.shared.StorageQuota;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads how much storage the author of a video may use and uses (the video's own file
 * left out, a re-upload replaces it), and keeps the reservations of uploads in progress
 * ({@code upload_reservation}) that count as used.
 */
@Repository
class QuotaRepository {

	private static final String QUOTA = """
			SELECT u.id, u.quota_bytes
			FROM video_info v JOIN users u ON u.id = v.author_id
			WHERE v.id = :vid
			""";

	private final JdbcClient jdbc;

	QuotaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The author's storage, or empty when the video or its author is gone.
	 * @param reservation the upload's own reservation, left out of the sum
	 */
	Optional<Storage> storage(String vid, String reservation, long defaultQuota) {
		return author(QUOTA, vid, defaultQuota).map((author) -> storage(author, vid, reservation));
	}

	/**
	 * The same, with the author's and the video's rows locked to the end of the
	 * transaction: reservations of one user are decided one after the other, on every
	 * replica. The sums that follow are the transaction's first plain reads, so InnoDB
	 * takes its snapshot after the lock is held and they see every reservation and upload
	 * that was committed before.
	 */
	Optional<Storage> lockStorage(String vid, String reservation, long defaultQuota) {
		return author(QUOTA + "FOR UPDATE", vid, defaultQuota).map((author) -> storage(author, vid, reservation));
	}

	/**
	 * Locks the video's and its author's rows to the end of the transaction, in the order
	 * {@link #lockStorage} takes them, so that every transaction on one user's uploads
	 * waits at this one door instead of deadlocking further in.
	 * @return whether the video and its author are still there
	 */
	boolean lockAuthor(String vid, long defaultQuota) {
		return author(QUOTA + "FOR UPDATE", vid, defaultQuota).isPresent();
	}

	/**
	 * Reserves bytes for an upload until its hold expires, replacing what it reserved.
	 */
	void reserve(String id, long userId, String vid, long bytes, long holdMicros) {
		this.jdbc.sql("""
				INSERT INTO upload_reservation (id, user_id, video_id, bytes, expires_at)
				VALUES (:id, :userId, :vid, :bytes, NOW(3) + INTERVAL :hold MICROSECOND)
				ON DUPLICATE KEY UPDATE bytes = VALUES(bytes), expires_at = VALUES(expires_at)""")
			.param("id", id)
			.param("userId", userId)
			.param("vid", vid)
			.param("bytes", bytes)
			.param("hold", holdMicros)
			.update();
	}

	/** Extends a reservation's hold from now; false when it is gone. */
	boolean renew(String id, long holdMicros) {
		return this.jdbc
			.sql("UPDATE upload_reservation SET expires_at = NOW(3) + INTERVAL :hold MICROSECOND WHERE id = :id")
			.param("hold", holdMicros)
			.param("id", id)
			.update() > 0;
	}

	void release(String id) {
		this.jdbc.sql("DELETE FROM upload_reservation WHERE id = :id").param("id", id).update();
	}

	int removeExpired() {
		return this.jdbc.sql("DELETE FROM upload_reservation WHERE expires_at < NOW(3)").update();
	}

	private Optional<Author> author(String sql, String vid, long defaultQuota) {
		return this.jdbc.sql(sql)
			.param("vid", vid)
			.query((rs, rowNum) -> new Author(rs.getLong("id"),
					StorageQuota.of(rs.getObject("quota_bytes", Long.class), defaultQuota)))
			.optional();
	}

	private Storage storage(Author author, String vid, String reservation) {
		long stored = StorageQuota.usedBytesBesides(this.jdbc, author.id(), vid);
		long reserved = this.jdbc.sql("""
				SELECT COALESCE(SUM(bytes), 0) FROM upload_reservation
				WHERE user_id = :authorId AND expires_at > NOW(3) AND id <> :reservation
				""").param("authorId", author.id()).param("reservation", reservation).query(Long.class).single();
		return new Storage(author.id(), author.quota(), stored + reserved);
	}

	private record Author(long id, long quota) {
	}

	/**
	 * A user's storage.
	 *
	 * @param userId the user
	 * @param quota what their videos may take
	 * @param used what their other videos take and their other uploads reserve
	 */
	record Storage(long userId, long quota, long used) {

		long remaining() {
			return Math.max(0, this.quota - this.used);
		}

	}

}
