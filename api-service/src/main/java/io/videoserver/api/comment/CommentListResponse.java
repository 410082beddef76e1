package io.videoserver.api.comment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of comments, newest first; {@code next} is the next page's {@code before} value.
 *
 * @param comments the comments, never null
 * @param next the next page's cursor, absent on the last page
 */
record CommentListResponse(List<CommentResponse> comments, @Nullable String next) {
}
