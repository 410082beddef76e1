package io.videoserver.api.video;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /user/{user_name}/videos}; the original's clients may send
 * {@code author_id}, which must then be the session's user.
 *
 * @param name the title
 * @param authorId optional, checked against the session
 */
record CreateVideoRequest(@Nullable @NotBlank(message = "name must be 1-200 characters") @Size(max = 200,
		message = "name must be 1-200 characters") String name, @Nullable Long authorId) {
}
