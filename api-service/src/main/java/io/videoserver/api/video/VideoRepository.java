package io.videoserver.api.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import io.videoserver.api.web.PageCursor;
import io.videoserver.shared.deletion.DeletionRequests;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code video_info} (with each video's transcoding state); queues file
 * deletions in {@code video_del_rec}.
 */
@Repository
class VideoRepository {

	private static final String SELECT = """
			SELECT v.id, COALESCE(v.author_id, 0) AS author_id, u.login_name AS author, v.name, v.display_ctime, v.create_time, v.file_size,
			       v.seq, v.duration_ms, v.width, v.height, v.codec,
			       t.source, t.state, t.progress, t.last_error, t.hls_version, t.renditions
			FROM video_info v LEFT JOIN users u ON u.id = v.author_id
			LEFT JOIN video_transcode t ON t.video_id = v.id
			""";

	/**
	 * Maps by column position, in SELECT's order, written out: JdbcClient's record
	 * mapping looks each column up under its camelCase name first, and the driver answers
	 * a miss with an exception; even a lookup by the right name costs a case-insensitive
	 * search per column and row, a visible share of a page's CPU (bench/RESULTS.md).
	 */
	private static final RowMapper<Video> ROW = (rs, rowNum) -> new Video(rs.getString(1), rs.getLong(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDateTime.class),
			rs.getObject(7, Long.class), rs.getLong(8), rs.getObject(9, Long.class), rs.getObject(10, Integer.class),
			rs.getObject(11, Integer.class), rs.getString(12), transcode(rs));

	private final JdbcClient jdbc;

	private final DeletionRequests deletions;

	VideoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.deletions = new DeletionRequests(jdbc);
	}

	/**
	 * Inserts a video, stamped by the database clock like every time that is compared.
	 * @param id the new id
	 * @param authorId the author
	 * @param name the title
	 */
	/**
	 * The transcoding columns of a row (13 on), or null when the video has no
	 * {@code video_transcode} row: the join is on its primary key, so a list stays one
	 * statement.
	 */
	private static @Nullable Transcode transcode(ResultSet rs) throws SQLException {
		String source = rs.getString(13);
		if (source == null) {
			return null;
		}
		return new Transcode(source, rs.getString(14), rs.getInt(15), rs.getString(16), rs.getString(17),
				rs.getString(18));
	}

	void insert(String id, long authorId, String name) {
		this.jdbc.sql("""
				INSERT INTO video_info (id, author_id, name, display_ctime, create_time)
				VALUES (:id, :authorId, :name, DATE_FORMAT(NOW(3), '%b %d %Y, %H:%i:%s'), NOW(3))""")
			.param("id", id)
			.param("authorId", authorId)
			.param("name", name)
			.update();
	}

	Optional<Video> findById(String id) {
		return this.jdbc.sql(SELECT + "WHERE v.id = :id").param("id", id).query(ROW).optional();
	}

	/**
	 * Reads a page, newest first, of all videos or one author's.
	 * @param authorName the author's login name, or null for everyone's videos
	 * @param before the position after which to read, or null for the first page
	 * @param rows how many rows to read
	 * @return the rows; none for an unknown author too (one statement, no lookup first)
	 */
	List<Video> list(@Nullable String authorName, @Nullable PageCursor before, int rows) {
		// Conditions are left out rather than bound as NULL: a bound NULL makes Spring
		// ask the driver for parameter metadata on every call. The login name is unique,
		// so the join reads the author's row once and the author index in order.
		String sql = SELECT + "WHERE TRUE" + ((authorName != null) ? " AND u.login_name = :authorName" : "")
				+ ((before != null)
						? " AND (v.create_time < :beforeTime OR (v.create_time = :beforeTime AND v.seq < :beforeSeq))"
						: "")
				+ " ORDER BY v.create_time DESC, v.seq DESC LIMIT :rows";
		return this.jdbc.sql(sql)
			.param("authorName", authorName)
			.param("beforeTime", (before != null) ? before.sqlTime() : null)
			.param("beforeSeq", (before != null) ? before.seq() : null)
			.param("rows", rows)
			.query(ROW)
			.list();
	}

	boolean userExists(String loginName) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE login_name = :name")
			.param("name", loginName)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Locks a video's row for the rest of the transaction.
	 * @param id the video
	 * @return its author, or empty when there is no such video
	 */
	Optional<Long> lockAuthor(String id) {
		return this.jdbc.sql("SELECT author_id FROM video_info WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	void delete(String id) {
		this.jdbc.sql("DELETE FROM comments WHERE video_id = :id").param("id", id).update();
		this.jdbc.sql("DELETE FROM video_info WHERE id = :id").param("id", id).update();
	}

	/**
	 * Queues the files of a video whose metadata this transaction deleted, by the rule
	 * the scheduler's queue endpoint follows too.
	 * @param id the deleted video
	 */
	void queueFileDeletion(String id) {
		if (!this.deletions.enqueue(id)) {
			throw new IllegalStateException("Video " + id + " still exists; its files were not queued");
		}
	}

}
