package io.videoserver.api.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.videoserver.api.web.PageCursor;
import io.videoserver.shared.deletion.DeletionRequests;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code video_info} (with each video's transcoding state); queues file
 * deletions in {@code video_del_rec}.
 */
@Repository
class VideoRepository {

	static final String COLUMNS = """
			SELECT v.id, COALESCE(v.author_id, 0) AS author_id, u.login_name AS author, v.name, v.display_ctime, v.create_time, v.file_size,
			       v.seq, v.duration_ms, v.width, v.height, v.codec,
			       v.description, v.privacy, v.view_count,
			       (SELECT JSON_ARRAYAGG(vt.tag) FROM video_tag vt WHERE vt.video_id = v.id) AS tags,
			       t.source, t.state, t.progress, t.last_error, t.hls_version, t.renditions
			""";

	static final String JOINS = """
			LEFT JOIN users u ON u.id = v.author_id
			LEFT JOIN video_transcode t ON t.video_id = v.id
			""";

	static final String SELECT = COLUMNS + "FROM video_info v " + JOINS;

	/**
	 * Maps by column position, in SELECT's order, written out: JdbcClient's record
	 * mapping looks each column up under its camelCase name first, and the driver answers
	 * a miss with an exception; even a lookup by the right name costs a case-insensitive
	 * search per column and row, a visible share of a page's CPU (bench/RESULTS.md).
	 */
	static final RowMapper<Video> ROW = (rs, rowNum) -> new Video(rs.getString(1), rs.getLong(2), rs.getString(3),
			rs.getString(4), rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getObject(7, Long.class),
			rs.getLong(8), rs.getObject(9, Long.class), rs.getObject(10, Integer.class),
			rs.getObject(11, Integer.class), rs.getString(12), rs.getString(13), tags(rs.getString(16)),
			rs.getString(14), rs.getLong(15), transcode(rs));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final DeletionRequests deletions;

	VideoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.deletions = new DeletionRequests(jdbc);
	}

	/**
	 * The transcoding columns of a row (17 on), or null when the video has no
	 * {@code video_transcode} row: the join is on its primary key, so a list stays one
	 * statement.
	 */
	private static @Nullable Transcode transcode(ResultSet rs) throws SQLException {
		String source = rs.getString(17);
		if (source == null) {
			return null;
		}
		return new Transcode(source, rs.getString(18), rs.getInt(19), rs.getString(20), rs.getString(21),
				rs.getString(22));
	}

	/**
	 * A video's tags from one aggregated column, so that a list stays one statement:
	 * {@code JSON_ARRAYAGG} rather than {@code GROUP_CONCAT}, whose result MySQL cuts at
	 * 1024 bytes by default (ten tags of 32 four-byte characters are more).
	 */
	private static List<String> tags(@Nullable String json) {
		if (json == null) {
			return List.of();
		}
		List<String> tags = new ArrayList<>();
		JSON.readTree(json).forEach((tag) -> tags.add(tag.asString()));
		tags.sort(null);
		return List.copyOf(tags);
	}

	/**
	 * Inserts a video, stamped by the database clock like every time that is compared.
	 * @param id the new id
	 * @param authorId the author
	 * @param fields its title, description, privacy and search text
	 */
	void insert(String id, long authorId, VideoFields fields) {
		this.jdbc
			.sql("""
					INSERT INTO video_info (id, author_id, name, description, privacy, search_text, display_ctime, create_time)
					VALUES (:id, :authorId, :name, :description, :privacy, :searchText,
					        DATE_FORMAT(NOW(3), '%b %d %Y, %H:%i:%s'), NOW(3))""")
			.param("id", id)
			.param("authorId", authorId)
			.param("name", fields.name())
			.param("description", fields.description())
			.param("privacy", fields.privacy())
			.param("searchText", fields.searchText())
			.update();
		insertTags(id, fields.tags());
	}

	/**
	 * Replaces a video's title, description, privacy, search text and tags.
	 * @param id the video, locked by the caller's transaction
	 * @param fields the new values
	 */
	void update(String id, VideoFields fields) {
		this.jdbc.sql("""
				UPDATE video_info SET name = :name, description = :description, privacy = :privacy,
				       search_text = :searchText
				WHERE id = :id""")
			.param("id", id)
			.param("name", fields.name())
			.param("description", fields.description())
			.param("privacy", fields.privacy())
			.param("searchText", fields.searchText())
			.update();
		this.jdbc.sql("DELETE FROM video_tag WHERE video_id = :id").param("id", id).update();
		insertTags(id, fields.tags());
	}

	private void insertTags(String id, List<String> tags) {
		for (String tag : tags) {
			this.jdbc.sql("INSERT INTO video_tag (video_id, tag) VALUES (:id, :tag)")
				.param("id", id)
				.param("tag", tag)
				.update();
		}
	}

	Optional<Video> findById(String id) {
		return this.jdbc.sql(SELECT + "WHERE v.id = :id").param("id", id).query(ROW).optional();
	}

	/**
	 * Reads a page of a list.
	 * @param filter whose videos, with which tag, which privacy, in what order
	 * @param before the position after which to read, or null for the first page (with
	 * the view count as its rank when the list is by views)
	 * @param rows how many rows to read
	 * @return the rows; none for an unknown author too (one statement, no lookup first)
	 */
	List<Video> list(VideoFilter filter, @Nullable PageCursor before, int rows) {
		// Conditions are left out rather than bound as NULL: a bound NULL makes Spring
		// ask the driver for parameter metadata on every call. The login name is unique,
		// so the join reads the author's row once and the author index in order.
		StringBuilder sql = new StringBuilder(SELECT).append("WHERE TRUE");
		if (filter.author() != null) {
			sql.append(" AND u.login_name = :authorName");
		}
		if (!filter.ownerView()) {
			sql.append(" AND v.privacy = 'public'");
		}
		if (filter.tag() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM video_tag vt WHERE vt.video_id = v.id AND vt.tag = :tag)");
		}
		String newer = "(v.create_time < :beforeTime OR (v.create_time = :beforeTime AND v.seq < :beforeSeq))";
		if (before != null) {
			sql.append(filter.byViews()
					? " AND (v.view_count < :beforeViews OR (v.view_count = :beforeViews AND " + newer + "))"
					: " AND " + newer);
		}
		sql.append(filter.byViews() ? " ORDER BY v.view_count DESC," : " ORDER BY")
			.append(" v.create_time DESC, v.seq DESC LIMIT :rows");
		return this.jdbc.sql(sql.toString())
			.param("authorName", filter.author())
			.param("tag", filter.tag())
			.param("beforeTime", (before != null) ? before.sqlTime() : null)
			.param("beforeSeq", (before != null) ? before.seq() : null)
			.param("beforeViews", (before != null && before.rank() != null) ? before.rank().longValue() : null)
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

	/**
	 * A video's tags, for the tag lists a change must mark.
	 * @param id the video
	 * @return its tags
	 */
	List<String> tagsOf(String id) {
		return this.jdbc.sql("SELECT tag FROM video_tag WHERE video_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
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
