package io.videoserver.scheduler.dispatch;

/**
 * One claimed row on its way through the channel from the dispatcher to the executor.
 *
 * @param videoId the video whose files are to go
 * @param attempts failed attempts before this one
 * @param claimedAt {@link System#nanoTime()} when the claim committed
 * @param batch the round that claimed it, told when this deletion is finished
 */
public record Deletion(String videoId, int attempts, long claimedAt, ClaimedBatch batch) {

	/**
	 * Marks this deletion done, deleted or failed or released, for the waiting round.
	 */
	public void finished() {
		this.batch.finished();
	}

}
