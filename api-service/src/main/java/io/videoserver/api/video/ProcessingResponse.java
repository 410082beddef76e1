package io.videoserver.api.video;

import org.jspecify.annotations.Nullable;

/**
 * How far a video's transcoding is, as clients see it.
 *
 * @param state {@code queued}, {@code running}, {@code ready} or {@code failed}
 * @param progress percent done, 0-100
 * @param error why it failed, present only in state {@code failed}
 */
record ProcessingResponse(String state, int progress, @Nullable String error) {

	static @Nullable ProcessingResponse of(@Nullable Transcode transcode) {
		if (transcode == null) {
			return null;
		}
		boolean failed = Transcode.FAILED.equals(transcode.state());
		return new ProcessingResponse(transcode.state(), Math.max(0, Math.min(100, transcode.progress())),
				failed ? transcode.lastError() : null);
	}

}
