package io.videoserver.stream.upload;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a stored upload.
 *
 * @param videoId the video
 * @param size the stored file's size in bytes
 */
public record UploadResponse(@JsonProperty("video_id") String videoId, long size) {
}
