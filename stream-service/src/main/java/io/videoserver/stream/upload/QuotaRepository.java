package io.videoserver.stream.upload;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads how much storage the author of a video may use and uses, the video's own file
 * left out (a re-upload replaces it).
 */
@Repository
class QuotaRepository {

	private static final String QUOTA = """
			SELECT u.id, COALESCE(u.quota_bytes, :defaultQuota) AS quota
			FROM video_info v JOIN users u ON u.id = v.author_id
			WHERE v.id = :vid
			""";

	private final JdbcClient jdbc;

	QuotaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The author's storage, or empty when the video or its author is gone. */
	Optional<Storage> storage(String vid, long defaultQuota) {
		return author(QUOTA, vid, defaultQuota).map((author) -> new Storage(author.quota(), used(author.id(), vid)));
	}

	/**
	 * The same, with the author's and the video's rows locked to the end of the
	 * transaction: uploads of one user complete one after the other, and the video cannot
	 * be deleted meanwhile. The sum that follows is the transaction's first plain read,
	 * so InnoDB takes its snapshot after the lock is held and it sees every upload that
	 * completed before.
	 */
	Optional<Storage> lockStorage(String vid, long defaultQuota) {
		return author(QUOTA + "FOR UPDATE", vid, defaultQuota)
			.map((author) -> new Storage(author.quota(), used(author.id(), vid)));
	}

	private Optional<Author> author(String sql, String vid, long defaultQuota) {
		return this.jdbc.sql(sql).param("vid", vid).param("defaultQuota", defaultQuota).query(Author.class).optional();
	}

	private long used(long authorId, String vid) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(file_size), 0) FROM video_info
				WHERE author_id = :authorId AND id <> :vid
				""").param("authorId", authorId).param("vid", vid).query(Long.class).single();
	}

	private record Author(long id, long quota) {
	}

	/**
	 * A user's storage.
	 *
	 * @param quota what their videos may take
	 * @param used what their other videos take
	 */
	record Storage(long quota, long used) {

		long remaining() {
			return Math.max(0, this.quota - this.used);
		}

	}

}
