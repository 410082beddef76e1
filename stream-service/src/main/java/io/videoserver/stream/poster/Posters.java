package io.videoserver.stream.poster;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import io.videoserver.stream.mp4.MediaInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the poster of a completed upload and keeps it with the video's row, so that the
 * web UI shows a frame of each video wherever the video files are stored. A poster that
 * cannot be made never fails the upload: the UI then draws a placeholder.
 */
@Component
public class Posters {

	private static final Logger log = LoggerFactory.getLogger(Posters.class);

	/** The sample entries of H.264, the codec JCodec decodes. */
	private static final Set<String> DECODABLE = Set.of("avc1", "avc3");

	/**
	 * Larger frames are not decoded: memory and time grow with the pixels (8K and up).
	 */
	private static final long MAX_PIXELS = 4096L * 2304;

	/** A frame a second in skips a fade from black, when the video is long enough. */
	private static final double SECOND = 1.0;

	private final JdbcClient jdbc;

	Posters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Decodes a poster from a complete, valid MP4 on the local disk.
	 * @return the poster, or empty when the codec is not H.264 or the frame does not
	 * decode
	 */
	public Optional<Poster> make(Path file, MediaInfo info) {
		if (info.codec() == null || !DECODABLE.contains(info.codec())) {
			return Optional.empty();
		}
		if (info.width() != null && info.height() != null && (long) info.width() * info.height() > MAX_PIXELS) {
			return Optional.empty();
		}
		double second = (info.durationMs() != null && info.durationMs() > 2000) ? SECOND : 0;
		try {
			return Optional.of(FrameDecoder.decode(file, second));
		}
		catch (Exception | StackOverflowError ex) {
			// JCodec reads untrusted input; whatever it throws costs the video its poster
			// only.
			log.warn("No poster for {}: {}", file.getFileName(), ex.toString());
			return Optional.empty();
		}
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
