package io.videoserver.stream.upload;

import io.videoserver.stream.mp4.MediaInfo;

/**
 * A video file that is complete, checked and ready to be published to the store.
 *
 * @param size the file's size in bytes
 * @param info what its boxes say about the video
 * @param rewritten whether its moov box was moved ahead of the media
 */
public record StoredVideo(long size, MediaInfo info, boolean rewritten) {
}
