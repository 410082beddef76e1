package io.videoserver.api.video;

import java.time.LocalDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the poster that stream-service stored for a video, with the video's title for the
 * placeholder of a video without one, and its owner and privacy.
 */
@Repository
class PosterRepository {

	/** Maps by column name, written out: see VideoRepository for why. */
	private static final RowMapper<VideoPoster> ROW = (rs, rowNum) -> new VideoPoster(rs.getString("name"),
			rs.getString("content_type"), rs.getBytes("image"), rs.getObject("created_at", LocalDateTime.class),
			rs.getLong("author_id"), rs.getString("privacy"));

	private final JdbcClient jdbc;

	PosterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The video's title and poster, or empty when there is no such video. */
	Optional<VideoPoster> find(String vid) {
		return this.jdbc.sql("""
				SELECT v.name, COALESCE(v.author_id, 0) AS author_id, v.privacy, p.content_type, p.image, p.created_at
				FROM video_info v LEFT JOIN video_poster p ON p.video_id = v.id
				WHERE v.id = :vid
				""").param("vid", vid).query(ROW).optional();
	}

	/**
	 * A video's title and, once decoded, its poster.
	 *
	 * @param name the title
	 * @param contentType the poster's media type, null without a poster
	 * @param image the poster's bytes, null without a poster
	 * @param createdAt when the poster was stored, null without a poster
	 * @param authorId the video's owner
	 * @param privacy the video's privacy
	 */
	record VideoPoster(String name, @Nullable String contentType, byte @Nullable [] image,
			@Nullable LocalDateTime createdAt, long authorId, String privacy) {

		/** Whether a reader may see it: a private video's poster only its owner. */
		boolean visibleTo(@Nullable Long viewerId) {
			return !Video.PRIVATE.equals(this.privacy) || (viewerId != null && viewerId == this.authorId);
		}

	}

}
