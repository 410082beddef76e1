package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.videoserver.shared.store.FileTrees;
import io.videoserver.scheduler.execution.RetryPolicy;
import io.videoserver.scheduler.transcode.Encoder.EncodeException;
import io.videoserver.scheduler.transcode.Encoder.Encoded;
import io.videoserver.scheduler.transcode.ResultRecorder.MadeVideo;
import io.videoserver.scheduler.transcode.TranscodeQueue.Held;
import io.videoserver.scheduler.transcode.TranscodeStore.StagedVideo;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.media.MediaInfo;
import io.videoserver.shared.media.NotAVideoException;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one claimed row: the source from the store, probed, encoded into a ladder (and
 * from an upload the playable MP4 and a poster) in a work directory of its own, published
 * under a fresh version, recorded for the claim's generation only; what a lost job
 * published is removed again, and the work directory always.
 */
final class Transcoder {

	private static final Logger log = LoggerFactory.getLogger(Transcoder.class);

	private final TranscodeQueue queue;

	private final TranscodeStore store;

	private final Probe probe;

	private final Encoder encoder;

	private final ResultRecorder results;

	private final JobEndings endings;

	private final TranscodeProperties settings;

	private final ScheduledExecutorService timer;

	Transcoder(TranscodeQueue queue, TranscodeStore store, Probe probe, Encoder encoder, ResultRecorder results,
			TranscodeProperties settings, ScheduledExecutorService timer) {
		this.queue = queue;
		this.store = store;
		this.probe = probe;
		this.encoder = encoder;
		this.results = results;
		this.endings = new JobEndings(queue,
				new RetryPolicy(settings.maxAttempts(), settings.backoffBase(), settings.backoffMax()));
		this.settings = settings;
		this.timer = timer;
	}

	Outcome work(Claim claim, Cancel cancel) {
		@Nullable VideoId vid = VideoId.parse(claim.videoId());
		if (vid == null) {
			return this.endings.failed(claim, "not a valid video id, no file was touched", true);
		}
		String version = newVersion();
		Path work = this.settings.workDir().resolve(vid.value() + "-" + version);
		try (JobLease lease = new JobLease(this.queue, claim, this.settings.lease(), this.settings.progressInterval(),
				this.timer, cancel)) {
			Files.createDirectories(work);
			return transcode(claim, vid, version, work, lease, cancel);
		}
		catch (NotAVideoException ex) {
			return this.endings.stopped(claim, cancel,
					() -> this.endings.failed(claim, "not a video ffmpeg can read: " + ex.getMessage(), true));
		}
		catch (NoSuchFileException ex) {
			return this.endings.stopped(claim, cancel,
					() -> this.endings.failed(claim, "the source is missing: " + ex.getFile(), false));
		}
		catch (EncodeException ex) {
			return this.endings.stopped(claim, cancel, () -> this.endings.failed(claim, ex.getMessage(), false));
		}
		catch (IOException ex) {
			return this.endings.stopped(claim, cancel,
					() -> this.endings.failed(claim, ex.getClass().getSimpleName() + ": " + ex.getMessage(), false));
		}
		finally {
			deleteQuietly(work);
		}
	}

	private Outcome transcode(Claim claim, VideoId vid, String version, Path work, JobLease lease, Cancel cancel)
			throws IOException, NotAVideoException, EncodeException {
		boolean upload = claim.source() == Source.UPLOAD;
		String videoVersion = upload ? this.store.version(vid, Source.VIDEO) : TranscodeStore.ABSENT;
		String sourceVersion = upload ? this.store.version(vid, Source.UPLOAD) : TranscodeStore.ABSENT;
		Path source = this.store.source(vid, claim.source(), work);
		MediaInfo info = this.probe.probe(source);
		Encoded made = this.encoder.encode(source, info, work.resolve("out"), upload, lease, cancel);
		if (cancel.cancelled()) {
			return this.endings.stopped(claim, cancel, () -> Outcome.FAILED);
		}
		@Nullable StagedVideo staged = null;
		try {
			this.store.publishLadder(vid, version, made.ladder());
			@Nullable MadeVideo video = null;
			if (upload) {
				Path mp4 = required(made.video(), "the MP4");
				MediaInfo mp4Info = this.probe.probe(mp4);
				staged = this.store.stageVideo(vid, mp4, videoVersion);
				video = new MadeVideo(staged, mp4Info,
						(made.poster() != null) ? Files.readAllBytes(made.poster()) : null);
			}
			String renditions = made.heights().stream().map(String::valueOf).collect(Collectors.joining(","));
			Optional<Held> held = this.results.record(claim, version, renditions, video);
			if (held.isEmpty()) {
				this.store.removeLadder(vid, version);
				log.info("Video {} changed or went while transcoding (generation {}): its result is discarded", vid,
						claim.generation());
				return Outcome.LOST;
			}
			staged = null;
			cleanUp(vid, held.get().previousVersion(), version, upload ? sourceVersion : null);
			log.info("Transcoded video {} (generation {}) into ladder {} ({})", vid, claim.generation(), version,
					renditions);
			return Outcome.SUCCEEDED;
		}
		catch (IOException | NotAVideoException | RuntimeException ex) {
			removeQuietly(vid, version);
			throw ex;
		}
		finally {
			if (staged != null) {
				staged.discard();
			}
		}
	}

	/**
	 * The previous ladder and the upload kept as it came are no longer named anywhere.
	 */
	private void cleanUp(VideoId vid, @Nullable String previous, String version, @Nullable String sourceVersion) {
		try {
			if (previous != null && !previous.equals(version)) {
				this.store.removeLadder(vid, previous);
			}
			if (sourceVersion != null) {
				this.store.removeSource(vid, sourceVersion);
			}
		}
		catch (IOException | RuntimeException ex) {
			// the deletion of the video removes them at the latest
			log.warn("Video {}: could not remove what ladder {} replaced: {}", vid, version, ex.toString());
		}
	}

	private void removeQuietly(VideoId vid, String version) {
		try {
			this.store.removeLadder(vid, version);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Video {}: could not remove the unrecorded ladder {}: {}", vid, version, ex.toString());
		}
	}

	private static void deleteQuietly(Path work) {
		try {
			FileTrees.delete(work);
		}
		catch (IOException ex) {
			log.warn("Could not empty the work directory {}: {}", work, ex.toString());
		}
	}

	private static Path required(@Nullable Path file, String what) throws IOException {
		if (file == null || !Files.isRegularFile(file)) {
			throw new IOException("ffmpeg made no " + what);
		}
		return file;
	}

	/** A ladder's version: random, so that a published name is never reused. */
	static String newVersion() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE), 36);
	}

	/**
	 * Reads what a file is: {@link io.videoserver.shared.media.MediaProbe} in the
	 * application.
	 */
	@FunctionalInterface
	interface Probe {

		MediaInfo probe(Path file) throws NotAVideoException, IOException;

	}

}
