package io.videoserver.scheduler.queue;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a deletion request.
 *
 * @param videoId the video now in the queue
 */
record QueuedResponse(@JsonProperty("video_id") String videoId) {
}
