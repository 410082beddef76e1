package io.videoserver.api.video;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code video_info} with its author's name.
 *
 * @param id the video id
 * @param authorId the author's user id
 * @param author the author's name (null only for rows the original left without one)
 * @param name the title
 * @param displayCtime the original's human-readable creation time
 * @param createTime the creation time, UTC
 * @param fileSize the stored file's size, or null until an upload completes
 * @param seq the insertion sequence that orders videos of the same millisecond
 * @param durationMs the duration read from the uploaded file, when known
 * @param width the video's width in pixels, when known
 * @param height the video's height in pixels, when known
 * @param codec the video's codec ({@code avc1}…), when known
 * @param description the owner's description, or null
 * @param tags its tags, normalised, in name order
 * @param privacy {@code public}, {@code unlisted} or {@code private}
 * @param views how often playback was started (the stream-service counts)
 * @param transcode its transcoding row, or null when it has none (no upload yet)
 */
record Video(String id, long authorId, @Nullable String author, String name, @Nullable String displayCtime,
		LocalDateTime createTime, @Nullable Long fileSize, long seq, @Nullable Long durationMs, @Nullable Integer width,
		@Nullable Integer height, @Nullable String codec, @Nullable String description, List<String> tags,
		String privacy, long views, @Nullable Transcode transcode) {

	static final String PUBLIC = "public";

	static final String PRIVATE = "private";

	/**
	 * Whether {@code GET /videos/{vid}} serves a playable MP4 now: an upload that was
	 * another container or codec has a size at once, but its MP4 exists only once the
	 * transcoder has made it.
	 */
	boolean playable() {
		return this.fileSize != null
				&& (this.transcode == null || Transcode.SOURCE_VIDEO.equals(this.transcode.source())
						|| Transcode.READY.equals(this.transcode.state()));
	}

	/**
	 * Whether a viewer may see this video at all: a private one only its owner.
	 * @param viewerId the session's user id, or null without a session
	 */
	boolean visibleTo(@Nullable Long viewerId) {
		return !PRIVATE.equals(this.privacy) || (viewerId != null && viewerId == this.authorId);
	}

}
