package io.videoserver.api.video;

import java.util.List;

import io.videoserver.api.web.Times;
import org.jspecify.annotations.Nullable;

/**
 * A video as clients see it: the original's fields plus ISO-8601 time, author name, and
 * once uploaded the file size and what the stream-service read from the file, and the
 * transcoding's state and ladder.
 *
 * @param id the video id
 * @param authorId the author's user id
 * @param author the author's name
 * @param name the title
 * @param displayCtime human-readable creation time, as the original showed it
 * @param createTime ISO-8601 creation time (UTC)
 * @param size the file's size in bytes, absent until an upload completes
 * @param durationMs the duration in milliseconds, absent until known
 * @param width the width in pixels, absent until known
 * @param height the height in pixels, absent until known
 * @param codec the codec's four-character code ({@code avc1}, {@code hev1}…), or absent
 * until it is known
 * @param playable whether {@code GET /videos/{vid}} serves a playable MP4 now
 * @param processing the transcoding's state, absent before the first upload
 * @param hls the published ladder's master playlist on the stream-service, absent until
 * there is one
 * @param renditions the published ladder's heights, absent with {@code hls}
 * @param description the owner's description, absent when none
 * @param tags the tags, normalised, {@code []} when none
 * @param privacy {@code public}, {@code unlisted} or {@code private}
 * @param views how often playback was started
 */
record VideoResponse(String id, long authorId, @Nullable String author, String name, String displayCtime,
		String createTime, @Nullable Long size, @Nullable Long durationMs, @Nullable Integer width,
		@Nullable Integer height, @Nullable String codec, boolean playable, @Nullable ProcessingResponse processing,
		@Nullable String hls, @Nullable List<Integer> renditions, @Nullable String description, List<String> tags,
		String privacy, long views) {

	static VideoResponse of(Video video) {
		Transcode transcode = video.transcode();
		String hls = HlsAddress.masterPlaylist(video.id(), transcode);
		String display = (video.displayCtime() != null) ? video.displayCtime() : Times.display(video.createTime());
		return new VideoResponse(video.id(), video.authorId(), video.author(), video.name(), display,
				Times.iso(video.createTime()), video.fileSize(), video.durationMs(), video.width(), video.height(),
				video.codec(), video.playable(), ProcessingResponse.of(transcode), hls,
				(hls != null && transcode != null) ? HlsAddress.heights(transcode.renditions()) : null,
				video.description(), video.tags(), video.privacy(), video.views());
	}

}
