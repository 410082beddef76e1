package io.videoserver.api.comment;

import java.util.List;

import io.videoserver.api.web.PageCursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the original's {@code comments} table.
 */
@Repository
class CommentRepository {

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a comment if its video still exists, in one statement, so a comment can
	 * never outlive a video deleted at the same moment.
	 * @param comment the comment
	 * @return whether it was stored
	 */
	boolean insertIfVideoExists(Comment comment) {
		return this.jdbc.sql("""
				INSERT INTO comments (id, video_id, author_id, content, time)
				SELECT :id, v.id, :authorId, :content, :time FROM video_info v WHERE v.id = :videoId""")
			.paramSource(comment)
			.update() == 1;
	}

	boolean videoExists(String videoId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_info WHERE id = :id")
			.param("id", videoId)
			.query(Integer.class)
			.single() > 0;
	}

	List<Comment> list(String videoId, @Nullable PageCursor before, int rows) {
		return this.jdbc.sql("""
				SELECT c.id, c.video_id, COALESCE(c.author_id, 0) AS author_id, u.login_name AS author,
				       c.content, c.time, c.seq
				FROM comments c LEFT JOIN users u ON u.id = c.author_id
				WHERE c.video_id = :videoId
				  AND (:beforeTime IS NULL OR c.time < :beforeTime OR (c.time = :beforeTime AND c.seq < :beforeSeq))
				ORDER BY c.time DESC, c.seq DESC
				LIMIT :rows""")
			.param("videoId", videoId)
			.param("beforeTime", (before != null) ? before.time() : null)
			.param("beforeSeq", (before != null) ? before.seq() : null)
			.param("rows", rows)
			.query(Comment.class)
			.list();
	}

}
