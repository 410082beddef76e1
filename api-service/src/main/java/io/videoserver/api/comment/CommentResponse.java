package io.videoserver.api.comment;

import io.videoserver.api.web.Times;
import org.jspecify.annotations.Nullable;

/**
 * A comment as clients see it.
 *
 * @param id the comment id
 * @param videoId the video
 * @param authorId the author's user id
 * @param author the author's name
 * @param content the text
 * @param time ISO-8601 time it was posted (UTC)
 */
record CommentResponse(String id, String videoId, long authorId, @Nullable String author, String content, String time) {

	static CommentResponse of(Comment comment) {
		return new CommentResponse(comment.id(), comment.videoId(), comment.authorId(), comment.author(),
				comment.content(), Times.iso(comment.time()));
	}

}
