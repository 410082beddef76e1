package io.videoserver.stream.poster;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps each video's poster beside its row ({@code video_poster}), where api-service
 * serves it from, wherever the video files themselves are stored.
 */
@Repository
public class PosterRepository {

	private final JdbcClient jdbc;

	PosterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the video's poster; without a new one the old one goes too, so that a
	 * re-uploaded video never shows its predecessor's frame.
	 */
	public void replace(String vid, @Nullable Poster poster) {
		this.jdbc.sql("DELETE FROM video_poster WHERE video_id = :vid").param("vid", vid).update();
		if (poster == null) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO video_poster (video_id, content_type, image, created_at)
				VALUES (:vid, :contentType, :image, NOW(3))
				""")
			.param("vid", vid)
			.param("contentType", poster.contentType())
			.param("image", poster.image())
			.update();
	}

}
