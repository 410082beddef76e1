package io.videoserver.scheduler.transcode;

import io.videoserver.shared.transcode.TranscodeRequests.Source;

/**
 * A row of {@code video_transcode} that this replica leased: every later write names its
 * generation, so that a newer upload's row is never written with an older one's result.
 *
 * @param videoId the video, as stored (checked before it names a file)
 * @param generation the upload this job works on
 * @param source which stored file the job reads
 * @param attempts failed attempts before this one
 */
record Claim(String videoId, int generation, Source source, int attempts) {
}
