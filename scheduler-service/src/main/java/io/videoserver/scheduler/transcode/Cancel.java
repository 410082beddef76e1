package io.videoserver.scheduler.transcode;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Stops one job from outside: the job lost its row (a newer upload, a take-over, the
 * video deleted) or the replica shuts down; whatever the job runs (ffmpeg) registers how
 * it is stopped.
 */
final class Cancel {

	/** Why a job was stopped. */
	enum Reason {

		/** The row is no longer the job's: nothing of it may be recorded. */
		LOST,

		/** The replica stops: the row is given back for another replica. */
		SHUTDOWN

	}

	private final List<Runnable> actions = new ArrayList<>();

	private @Nullable Reason reason;

	synchronized void cancel(Reason why) {
		if (this.reason != null) {
			return;
		}
		this.reason = why;
		this.actions.forEach(Runnable::run);
	}

	synchronized @Nullable Reason reason() {
		return this.reason;
	}

	synchronized boolean cancelled() {
		return this.reason != null;
	}

	/** Runs the action when the job is stopped, at once when it is already. */
	synchronized void onCancel(Runnable action) {
		if (this.reason != null) {
			action.run();
		}
		else {
			this.actions.add(action);
		}
	}

}
