package io.videoserver.api.comment;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code comments} with its author's name.
 *
 * @param id the comment id
 * @param videoId the video it belongs to
 * @param authorId the author's user id
 * @param author the author's name (null only for rows the original left without one)
 * @param content the text
 * @param time when it was posted, UTC
 * @param seq the insertion sequence that orders comments of the same millisecond
 */
record Comment(String id, String videoId, long authorId, @Nullable String author, String content, LocalDateTime time,
		long seq) {
}
