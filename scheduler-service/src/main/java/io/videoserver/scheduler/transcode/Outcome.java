package io.videoserver.scheduler.transcode;

/**
 * How a transcoding job ended, for the log and the counter of jobs.
 */
enum Outcome {

	/** The result is recorded and published. */
	SUCCEEDED,

	/** The attempt failed; the row waits out its back-off. */
	FAILED,

	/** The attempt failed for good; the row is parked (state failed). */
	PARKED,

	/** The row was no longer the job's (a re-upload, a take-over, the video deleted). */
	LOST,

	/** The replica stopped; the row was given back. */
	RELEASED

}
