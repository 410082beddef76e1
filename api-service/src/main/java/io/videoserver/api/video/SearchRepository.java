package io.videoserver.api.video;

import java.util.List;

import io.videoserver.api.web.PageCursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the FULLTEXT index over {@code video_info.search_text} and fills the texts that
 * are still empty; the rows come back as {@link VideoRepository} maps them.
 */
@Repository
class SearchRepository {

	/**
	 * A search's public matches with their relevance, computed once in a derived table so
	 * that the page condition compares the very value the previous page's cursor holds.
	 */
	private static final String SEARCH = VideoRepository.COLUMNS + """
			, s.score
			FROM (SELECT id, MATCH(search_text) AGAINST (:against IN BOOLEAN MODE) AS score FROM video_info
			      WHERE privacy = 'public' AND MATCH(search_text) AGAINST (:against IN BOOLEAN MODE)) s
			JOIN video_info v ON v.id = s.id
			""" + VideoRepository.JOINS;

	private final JdbcClient jdbc;

	SearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads a page of a search, most relevant first, then newest first.
	 * @param against the query's words, only letters, digits and {@code _}
	 * @param before the position after which to read (its rank the relevance), or null
	 * @param rows how many rows to read
	 * @return the matching public videos with their relevance
	 */
	List<Hit> search(String against, @Nullable PageCursor before, int rows) {
		String sql = SEARCH + ((before != null) ? """
				WHERE s.score < :rank OR (s.score = :rank AND (v.create_time < :beforeTime
				      OR (v.create_time = :beforeTime AND v.seq < :beforeSeq)))
				""" : "") + "ORDER BY s.score DESC, v.create_time DESC, v.seq DESC LIMIT :rows";
		return this.jdbc.sql(sql)
			.param("against", against)
			.param("rank", (before != null) ? before.rank() : null)
			.param("beforeTime", (before != null) ? before.sqlTime() : null)
			.param("beforeSeq", (before != null) ? before.seq() : null)
			.param("rows", rows)
			.query((rs, rowNum) -> new Hit(VideoRepository.ROW.mapRow(rs, rowNum), rs.getDouble(23)))
			.list();
	}

	/**
	 * Up to {@code rows} videos that have no search text yet, for the indexer.
	 * @param rows how many
	 * @return the videos
	 */
	List<Video> unindexed(int rows) {
		return this.jdbc.sql(VideoRepository.SELECT + "WHERE v.search_text IS NULL LIMIT :rows")
			.param("rows", rows)
			.query(VideoRepository.ROW)
			.list();
	}

	/**
	 * Writes a video's search text unless another writer has (a replica's indexer, an
	 * owner's change, which is newer).
	 * @return whether this call wrote it
	 */
	boolean index(String id, String searchText) {
		return this.jdbc.sql("UPDATE video_info SET search_text = :text WHERE id = :id AND search_text IS NULL")
			.param("id", id)
			.param("text", searchText)
			.update() == 1;
	}

	/**
	 * A search's match.
	 *
	 * @param video the video
	 * @param score its relevance
	 */
	record Hit(Video video, double score) {
	}

}
