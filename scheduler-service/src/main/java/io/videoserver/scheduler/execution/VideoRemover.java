package io.videoserver.scheduler.execution;

import java.io.IOException;

/**
 * Removes a deleted video's files from wherever the videos are stored (the shared
 * directory or an S3 bucket), so the runner works every store the same way.
 */
public interface VideoRemover {

	/**
	 * Whether the store can be worked at all; while it cannot (an unmounted volume), the
	 * runner claims nothing, rather than spend every row's attempts on the outage.
	 * @return false when every deletion would fail
	 */
	boolean available();

	/**
	 * Deletes the video's file and every partial upload of it; files that are already
	 * gone count as deleted, so calling it twice is harmless.
	 * @param videoId an id that matches the id pattern
	 * @param claimedAt {@link System#nanoTime()} when the video's row was claimed: what
	 * the store saw of itself since then may be reused, no new upload of the video can
	 * begin after its row was queued
	 * @return how many files this call removed
	 * @throws IOException when a file exists but cannot be deleted, or when the store
	 * itself is missing
	 */
	int delete(String videoId, long claimedAt) throws IOException;

}
