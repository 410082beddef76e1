package io.videoserver.scheduler;

import java.io.IOException;

import io.videoserver.scheduler.execution.VideoFiles;

/**
 * A store whose deletions a test wraps: slowed, failing, blocking or dying.
 */
public final class AroundVideoFiles implements VideoFiles {

	private final VideoFiles files;

	private final Around around;

	private AroundVideoFiles(VideoFiles files, Around around) {
		this.files = files;
		this.around = around;
	}

	public static VideoFiles around(VideoFiles files, Around around) {
		return new AroundVideoFiles(files, around);
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

		int delete(String videoId, long claimedAt, VideoFiles files) throws IOException;

	}

}
