package io.videoserver.stream.upload;

import java.util.Optional;

import io.videoserver.stream.mp4.MediaInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the videos that api-service owns, and records the size and media info of a stored
 * upload; this service never writes a session.
 */
@Repository
class UploadRepository {

	private final JdbcClient jdbc;

	UploadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The video's author's login name; empty when the video does not exist. */
	Optional<VideoOwner> findOwner(String vid) {
		return this.jdbc.sql("""
				SELECT u.login_name FROM video_info v LEFT JOIN users u ON u.id = v.author_id
				WHERE v.id = :vid
				""").param("vid", vid).query(VideoOwner.class).optional();
	}

	/**
	 * Records the stored file's size and what its boxes say, replacing a previous file's.
	 * @return false when the video was deleted while its file was uploading
	 */
	boolean recordUpload(String vid, StoredVideo stored) {
		MediaInfo info = stored.info();
		return this.jdbc.sql("""
				UPDATE video_info
				SET file_size = :size, duration_ms = :durationMs, width = :width, height = :height, codec = :codec
				WHERE id = :vid
				""")
			.param("size", stored.size())
			.param("durationMs", info.durationMs())
			.param("width", info.width())
			.param("height", info.height())
			.param("codec", info.codec())
			.param("vid", vid)
			.update() > 0;
	}

	/**
	 * Records the size of an upload kept for the transcoder and what ffprobe found in it
	 * (the picture as shown, after rotation), replacing a previous file's.
	 * @return false when the video was deleted while its file was uploading
	 */
	boolean recordSource(String vid, long size, io.videoserver.shared.media.MediaInfo info) {
		return this.jdbc.sql("""
				UPDATE video_info
				SET file_size = :size, duration_ms = :durationMs, width = :width, height = :height, codec = :codec
				WHERE id = :vid
				""")
			.param("size", size)
			.param("durationMs", (info.durationMs() > 0) ? info.durationMs() : null)
			.param("width", (info.displayWidth() > 0) ? info.displayWidth() : null)
			.param("height", (info.displayHeight() > 0) ? info.displayHeight() : null)
			.param("codec", info.videoCodec())
			.param("vid", vid)
			.update() > 0;
	}

	/**
	 * The author of a video.
	 *
	 * @param loginName the author's login name, null when the author is gone
	 */
	record VideoOwner(@Nullable String loginName) {
	}

}
