package io.videoserver.scheduler.dispatch;

/**
 * A due row as the claim read it.
 *
 * @param videoId the video whose files are to go
 * @param attempts failed attempts so far
 */
record ClaimedRow(String videoId, int attempts) {
}
