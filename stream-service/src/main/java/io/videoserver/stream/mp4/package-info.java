/**
 * MP4 (ISO base media file) boxes: checks an uploaded file's structure, reads its
 * duration, size and codec, and moves its {@code moov} box ahead of the media data so
 * that playback can start at once.
 */
@NullMarked
package io.videoserver.stream.mp4;

import org.jspecify.annotations.NullMarked;
