/**
 * Uploads: one path for every kind ({@link io.videoserver.stream.upload.VideoUploads}):
 * the owner's bytes are received into a local staging file, checked into a faststart MP4,
 * admitted (owner, size limit, quota, container), published to the video store and
 * recorded, only when complete.
 */
@NullMarked
package io.videoserver.stream.upload;

import org.jspecify.annotations.NullMarked;
