package io.videoserver.scheduler.transcode;

/**
 * The size of the transcoding queue across all replicas.
 *
 * @param queued rows waiting for a transcoder (due now or after their back-off)
 * @param running rows a transcoder holds (or held, until its lease lapses)
 * @param parked rows that ran out of attempts and wait for a new upload or an operator
 */
record TranscodeCounts(long queued, long running, long parked) {
}
