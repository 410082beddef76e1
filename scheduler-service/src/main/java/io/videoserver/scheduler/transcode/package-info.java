/**
 * The transcoder: claiming rows of {@code video_transcode} under a lease, making each
 * video's HLS ladder (and, from an upload kept as it came, its playable MP4) with ffmpeg,
 * publishing them to the store and recording them for the row's generation only.
 */
@NullMarked
package io.videoserver.scheduler.transcode;

import org.jspecify.annotations.NullMarked;
