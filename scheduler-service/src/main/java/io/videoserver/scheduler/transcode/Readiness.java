package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a transcoder can work at all: a job that cannot reach the store, write its work
 * directory or run ffmpeg would fail, and such an outage or misconfiguration would park
 * every row; so the workers claim nothing meanwhile and say why once.
 */
final class Readiness {

	private static final Logger log = LoggerFactory.getLogger(Readiness.class);

	private final String owner;

	private final TranscodeStore store;

	private final Path workDir;

	private final Runnable preflight;

	private @Nullable Boolean toolsReady;

	private boolean workDirMissing;

	/**
	 * @param preflight finds ffmpeg and ffprobe (unpacking the bundled ones); throws when
	 * they cannot be run
	 */
	Readiness(String owner, TranscodeStore store, Path workDir, Runnable preflight) {
		this.owner = owner;
		this.store = store;
		this.workDir = workDir;
		this.preflight = preflight;
	}

	/**
	 * Whether ffmpeg and ffprobe can be run, found once (on a worker thread, so the start
	 * does not wait for the unpacking); when not, this replica transcodes nothing.
	 */
	synchronized boolean toolsReady() {
		if (this.toolsReady == null) {
			try {
				this.preflight.run();
				this.toolsReady = true;
			}
			catch (RuntimeException ex) {
				log.error("Transcoder {} transcodes nothing: {}", this.owner, ex.getMessage());
				this.toolsReady = false;
			}
		}
		return this.toolsReady;
	}

	/** Whether the store answers and the work directory can be written, now. */
	boolean canWork() {
		return this.store.available() && workDirReady();
	}

	private synchronized boolean workDirReady() {
		boolean ready;
		try {
			Files.createDirectories(this.workDir);
			ready = Files.isWritable(this.workDir);
		}
		catch (IOException ex) {
			ready = false;
		}
		if (!ready && !this.workDirMissing) {
			log.warn("Work directory {} cannot be written: claiming nothing until it can",
					this.workDir.toAbsolutePath());
		}
		if (ready && this.workDirMissing) {
			log.info("Work directory {} can be written again, claiming jobs", this.workDir.toAbsolutePath());
		}
		this.workDirMissing = !ready;
		return ready;
	}

}
