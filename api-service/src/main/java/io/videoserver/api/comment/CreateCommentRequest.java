package io.videoserver.api.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /videos/{vid}/comments}; the original's clients may send
 * {@code author_id}, which must then be the session's user.
 *
 * @param content the text, 1-2000 characters
 * @param authorId optional, checked against the session
 */
record CreateCommentRequest(@Nullable @NotBlank(message = "content must be 1-2000 characters") @Size(max = 2000,
		message = "content must be 1-2000 characters") String content, @Nullable Long authorId) {
}
