package io.videoserver.api.video;

import org.jspecify.annotations.Nullable;

/**
 * A video's row of {@code video_transcode}, as far as clients see it: which file the job
 * reads, how far it is, and the ladder it published.
 *
 * @param source {@code video} (the stored MP4 itself, playable meanwhile) or
 * {@code upload} (an upload kept as it came, not playable until the job is done)
 * @param state {@code queued}, {@code running}, {@code ready} or {@code failed}
 * @param progress percent done, 0-100
 * @param lastError why the last attempt failed, in words a person can read
 * @param hlsVersion the published ladder's version, or null before the first one
 * @param renditions the published ladder's heights, comma-separated ({@code 240,480})
 */
record Transcode(String source, String state, int progress, @Nullable String lastError, @Nullable String hlsVersion,
		@Nullable String renditions) {

	static final String SOURCE_VIDEO = "video";

	static final String READY = "ready";

	static final String FAILED = "failed";

}
