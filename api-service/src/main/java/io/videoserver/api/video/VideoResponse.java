package io.videoserver.api.video;

import io.videoserver.api.web.Times;
import org.jspecify.annotations.Nullable;

/**
 * A video as clients see it: the original's fields plus ISO-8601 time, author name and
 * the file size once uploaded.
 *
 * @param id the video id
 * @param authorId the author's user id
 * @param author the author's name
 * @param name the title
 * @param displayCtime human-readable creation time, as the original showed it
 * @param createTime ISO-8601 creation time (UTC)
 * @param size the file's size in bytes, absent until an upload completes
 */
record VideoResponse(String id, long authorId, @Nullable String author, String name, String displayCtime,
		String createTime, @Nullable Long size) {

	static VideoResponse of(Video video) {
		String display = (video.displayCtime() != null) ? video.displayCtime() : Times.display(video.createTime());
		return new VideoResponse(video.id(), video.authorId(), video.author(), video.name(), display,
				Times.iso(video.createTime()), video.fileSize());
	}

}
