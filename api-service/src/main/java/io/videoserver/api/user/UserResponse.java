package io.videoserver.api.user;

/**
 * The body of {@code GET /user/{user_name}}.
 *
 * @param id the user's id
 * @param userName the user's name
 */
record UserResponse(long id, String userName) {
}
