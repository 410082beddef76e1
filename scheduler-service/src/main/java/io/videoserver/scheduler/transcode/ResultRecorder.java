package io.videoserver.scheduler.transcode;

import java.util.Optional;

import io.videoserver.scheduler.transcode.TranscodeQueue.Held;
import io.videoserver.scheduler.transcode.TranscodeStore.StagedVideo;
import io.videoserver.shared.media.MediaInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a job's result in one short transaction, a compare-and-set on the row of its
 * generation: the MP4 made from an upload was published before (see {@link Transcoder}),
 * outside the transaction, because a PUT to a slow bucket would hold the row locked for
 * as long as it runs and an upload's enqueue, which updates the same row, would fail
 * after {@code innodb_lock_wait_timeout} (3 s).
 */
final class ResultRecorder {

	/**
	 * The codec column holds the sample entry's name, as the stream-service writes it for
	 * an uploaded MP4; ffmpeg's MP4 of H.264 has {@code avc1}.
	 */
	private static final String H264_SAMPLE_ENTRY = "avc1";

	private final JdbcClient jdbc;

	private final TranscodeQueue queue;

	private final TransactionTemplate transaction;

	ResultRecorder(JdbcClient jdbc, TranscodeQueue queue, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.queue = queue;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * @param video the MP4 made from an upload, already published, with what it is
	 * @return the row as it was (the ladder this one replaces), or empty when the result
	 * lost: the generation moved on, the video is gone, another worker recorded first, or
	 * a newer upload replaced {@code {vid}} since the job began
	 */
	Optional<Held> record(Claim claim, String version, String renditions, @Nullable MadeVideo video) {
		return Optional.ofNullable(this.transaction.execute((status) -> {
			Optional<Held> held = this.queue.lockForResult(claim);
			if (held.isEmpty()) {
				return null;
			}
			if (video != null) {
				describe(claim.videoId(), video.info());
				replacePoster(claim.videoId(), video.poster());
			}
			this.queue.succeeded(claim, version, renditions);
			return held.get();
		}));
	}

	private void describe(String videoId, MediaInfo info) {
		this.jdbc.sql("""
				UPDATE video_info SET duration_ms = :durationMs, width = :width, height = :height, codec = :codec
				WHERE id = :id
				""")
			.param("durationMs", info.durationMs())
			.param("width", info.displayWidth())
			.param("height", info.displayHeight())
			.param("codec", H264_SAMPLE_ENTRY)
			.param("id", videoId)
			.update();
	}

	/** Without a new poster the old one goes too: it showed the previous upload. */
	private void replacePoster(String videoId, byte @Nullable [] poster) {
		this.jdbc.sql("DELETE FROM video_poster WHERE video_id = :id").param("id", videoId).update();
		if (poster != null) {
			this.jdbc.sql("""
					INSERT INTO video_poster (video_id, content_type, image, created_at)
					VALUES (:id, 'image/jpeg', :image, NOW(3))
					""").param("id", videoId).param("image", poster).update();
		}
	}

	/**
	 * The MP4 made from an upload, ready to be published.
	 *
	 * @param staged the MP4 in the store, not yet {@code {vid}}
	 * @param info what the probe found in the MP4
	 * @param poster the JPEG poster, if one was made
	 */
	record MadeVideo(StagedVideo staged, MediaInfo info, byte @Nullable [] poster) {
	}

}
