package io.videoserver.scheduler.execution;

import java.io.IOException;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.scheduler.dispatch.Deletion;
import io.videoserver.scheduler.dispatch.DeletionQueue;
import io.videoserver.shared.VideoIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one claimed row: deletes the video's files, then removes the row, or records the
 * failure for a later attempt, or parks the row once it has failed too often.
 */
public class Deleter {

	private static final Logger log = LoggerFactory.getLogger(Deleter.class);

	private final VideoRemover remover;

	private final DeletionQueue queue;

	private final RetryPolicy retries;

	private final Counter deleted;

	private final Counter failed;

	private final Counter parked;

	public Deleter(VideoRemover remover, DeletionQueue queue, RetryPolicy retries, MeterRegistry meters) {
		this.remover = remover;
		this.queue = queue;
		this.retries = retries;
		this.deleted = Counter.builder("video.deletion.deleted")
			.description("Videos whose files and queue row this replica removed")
			.register(meters);
		this.failed = Counter.builder("video.deletion.failed")
			.description("Failed deletion attempts (each is retried or parked)")
			.register(meters);
		this.parked = Counter.builder("video.deletion.parked")
			.description("Rows this replica parked after too many failed attempts")
			.register(meters);
	}

	public void delete(Deletion deletion) {
		String id = deletion.videoId();
		if (!VideoIds.isValid(id)) {
			fail(deletion, "not a valid video id, no file was touched", true);
			return;
		}
		int removed;
		try {
			removed = this.remover.delete(id, deletion.claimedAt());
		}
		catch (IOException ex) {
			fail(deletion, ex.getClass().getSimpleName() + ": " + ex.getMessage(), false);
			return;
		}
		if (this.queue.complete(id)) {
			this.deleted.increment();
			log.info("Deleted video {} ({} files)", id, removed);
		}
		else {
			log.warn("Deleted the files of video {} after its lease had passed to another replica", id);
		}
	}

	private void fail(Deletion deletion, String error, boolean hopeless) {
		String id = deletion.videoId();
		int attempts = deletion.attempts() + 1;
		this.failed.increment();
		if (hopeless || this.retries.parks(attempts)) {
			if (this.queue.park(id, attempts, error)) {
				this.parked.increment();
				log.error("Parked the deletion of video {} after {} attempts: {}", id, attempts, error);
			}
			return;
		}
		Duration delay = this.retries.delayAfter(attempts);
		if (this.queue.retryLater(id, attempts, delay, error)) {
			log.warn("Deleting video {} failed (attempt {}), next attempt in {}: {}", id, attempts, delay, error);
		}
	}

}
