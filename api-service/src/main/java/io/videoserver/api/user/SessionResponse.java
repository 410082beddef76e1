package io.videoserver.api.user;

/**
 * The original's answer to register and login.
 *
 * @param success always true; failures answer with the legacy error body
 * @param sessionId the new session's id
 */
record SessionResponse(boolean success, String sessionId) {
}
