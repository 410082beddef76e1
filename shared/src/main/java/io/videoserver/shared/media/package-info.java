/**
 * The media programs (ffmpeg, ffprobe) and what the services do with them: probe an
 * upload, choose its ladder, transcode it to HLS. Shared because the stream-service
 * probes uploads and the scheduler-service transcodes them by the same rules.
 */
@NullMarked
package io.videoserver.shared.media;

import org.jspecify.annotations.NullMarked;
