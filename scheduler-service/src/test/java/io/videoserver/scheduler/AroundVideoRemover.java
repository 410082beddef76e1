package io.videoserver.scheduler;

import java.io.IOException;

import io.videoserver.scheduler.execution.VideoRemover;

/**
 * A store whose deletions a test wraps: slowed, failing, blocking or dying.
 */
public final class AroundVideoRemover implements VideoRemover {

	private final VideoRemover files;

	private final Around around;

	private AroundVideoRemover(VideoRemover files, Around around) {
		this.files = files;
		this.around = around;
	}

	public static VideoRemover around(VideoRemover files, Around around) {
		return new AroundVideoRemover(files, around);
	}

	@Override
	public boolean available() {
		return this.files.available();
	}

	@Override
	public int delete(String videoId, long claimedAt) throws IOException {
		return this.around.delete(videoId, claimedAt, this.files);
	}

	/**
	 * What the test does instead of, or around, the real deletion.
	 */
	@FunctionalInterface
	public interface Around {

		int delete(String videoId, long claimedAt, VideoRemover files) throws IOException;

	}

}
