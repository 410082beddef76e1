package io.videoserver.api.comment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import io.videoserver.api.web.PageCursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the original's {@code comments} table.
 */
@Repository
class CommentRepository {

	private static final String SELECT = """
			SELECT c.id, c.video_id, COALESCE(c.author_id, 0) AS author_id, u.login_name AS author,
			       c.content, c.time, c.seq
			FROM comments c LEFT JOIN users u ON u.id = c.author_id
			""";

	/** Maps by column position, in SELECT's order: see VideoRepository for why. */
	private static final RowMapper<Comment> ROW = (rs, rowNum) -> new Comment(rs.getString(1), rs.getString(2),
			rs.getLong(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getLong(7));

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a comment, stamped by the database clock, if its video still exists and the
	 * author may see it (a private video: its owner only): one statement, so a comment
	 * can never outlive a video deleted at the same moment.
	 * @param id the new comment's id
	 * @param videoId the video
	 * @param authorId the author
	 * @param content the text
	 * @return whether it was stored
	 */
	boolean insertIfVisible(String id, String videoId, long authorId, String content) {
		return this.jdbc.sql("""
				INSERT INTO comments (id, video_id, author_id, content, time)
				SELECT :id, v.id, :authorId, :content, NOW(3) FROM video_info v
				WHERE v.id = :videoId AND (v.privacy <> 'private' OR v.author_id = :authorId)""")
			.param("id", id)
			.param("videoId", videoId)
			.param("authorId", authorId)
			.param("content", content)
			.update() == 1;
	}

	Optional<Comment> findById(String id) {
		return this.jdbc.sql(SELECT + "WHERE c.id = :id").param("id", id).query(ROW).optional();
	}

	/**
	 * Whether a video exists and a reader may see it: a private one only its owner.
	 * @param videoId the video
	 * @param viewerId the reader's user id, or null when anonymous
	 */
	boolean videoVisible(String videoId, @Nullable Long viewerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM video_info WHERE id = :id AND (privacy <> 'private'"
					+ ((viewerId != null) ? " OR author_id = :viewerId" : "") + ")")
			.param("id", videoId)
			.param("viewerId", viewerId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * A page of a video's comments, none when the reader may not see the video (a private
	 * one is its owner's only): one statement.
	 * @param videoId the video
	 * @param viewerId the reader's user id, or null when anonymous
	 * @param before the position after which to read, or null for the first page
	 * @param rows how many rows to read
	 */
	List<Comment> list(String videoId, @Nullable Long viewerId, @Nullable PageCursor before, int rows) {
		// The cursor condition is left out rather
		// than bound as NULL (see VideoRepository).
		String sql = SELECT + "JOIN video_info v ON v.id = c.video_id AND (v.privacy <> 'private'"
				+ ((viewerId != null) ? " OR v.author_id = :viewerId" : "") + ") " + "WHERE c.video_id = :videoId"
				+ ((before != null) ? " AND (c.time < :beforeTime OR (c.time = :beforeTime AND c.seq < :beforeSeq))"
						: "")
				+ " ORDER BY c.time DESC, c.seq DESC LIMIT :rows";
		return this.jdbc.sql(sql)
			.param("videoId", videoId)
			.param("viewerId", viewerId)
			.param("beforeTime", (before != null) ? before.sqlTime() : null)
			.param("beforeSeq", (before != null) ? before.seq() : null)
			.param("rows", rows)
			.query(ROW)
			.list();
	}

}
