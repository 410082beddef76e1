package io.videoserver.api.user;

/**
 * The body of {@code GET /user/{user_name}}: the account and how much of its storage
 * quota its videos take.
 *
 * @param id the user's id
 * @param userName the user's name
 * @param quotaBytes the storage the user's videos may take
 * @param usedBytes the storage they take, the sum of their stored files' sizes
 */
record UserResponse(long id, String userName, long quotaBytes, long usedBytes) {
}
