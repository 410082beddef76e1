package io.videoserver.shared.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * One transcode of a video into an HLS ladder with ffmpeg: every rung in one run (the
 * source decoded once), then, when asked, the playable MP4 copied from the top rung and a
 * poster picture. One instance per transcode, so another thread can {@link #cancel} it.
 * <p>
 * The ladder: H.264 (libx264 {@code veryfast}, constant frame rate, keyframes every 4 s)
 * and stereo AAC, 4 s CMAF (fMP4) segments, VOD playlists, and {@code master.m3u8} with
 * each rung's CODECS, RESOLUTION and measured BANDWIDTH; file names as
 * {@link io.videoserver.shared.store.VideoLayout} names them.
 */
public final class HlsTranscode {

	private final MediaTools tools;

	private final Job job;

	private final Object lock = new Object();

	private @Nullable ToolProcess running;

	private boolean cancelled;

	public HlsTranscode(MediaTools tools, Job job) {
		this.tools = tools;
		this.job = job;
	}

	/**
	 * Transcodes. On any failure the version directory, the MP4 and the poster are
	 * removed.
	 * @return what was made
	 * @throws IOException when ffmpeg fails on the source (the message says how) or the
	 * files cannot be written
	 * @throws TimeoutException when it all took longer than the job's timeout (ffmpeg is
	 * killed)
	 * @throws InterruptedException when the calling thread was interrupted (ffmpeg is
	 * killed)
	 * @throws CancellationException when {@link #cancel} was called
	 */
	public Result run() throws IOException, TimeoutException, InterruptedException {
		long start = System.nanoTime();
		Path dir = this.job.versionDir();
		prepare(dir);
		try {
			Progress progress = new Progress(this.job.progress());
			FfmpegProgress parser = new FfmpegProgress(this.job.info().durationMs());
			runFfmpeg(
					HlsCommand.hls(this.tools.ffmpeg(), this.job.source(), this.job.info(), this.job.renditions(), dir),
					start, (line) -> progress.report(Math.min(99, parser.accept(line))));
			List<String> files = LadderCheck.files(dir, this.job.renditions());
			Path mp4 = this.job.mp4();
			if (mp4 != null) {
				Rendition top = this.job.renditions().get(this.job.renditions().size() - 1);
				runFfmpeg(HlsCommand.mp4(this.tools.ffmpeg(), dir.resolve(top.playlist()), mp4), start, null);
			}
			Path poster = this.job.poster();
			if (poster != null) {
				runFfmpeg(HlsCommand.poster(this.tools.ffmpeg(), this.job.source(), this.job.info(), poster), start,
						null);
			}
			progress.report(100);
			return new Result(dir, files, this.job.renditions(), mp4, poster,
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException | TimeoutException | InterruptedException | RuntimeException ex) {
			removeOutputs();
			throw ex;
		}
	}

	/**
	 * Stops the transcode from any thread: kills ffmpeg if it runs, and {@link #run}
	 * throws {@link CancellationException}; before {@link #run}, it will not start.
	 */
	public void cancel() {
		synchronized (this.lock) {
			this.cancelled = true;
			if (this.running != null) {
				this.running.kill();
			}
		}
	}

	private void prepare(Path dir) throws IOException {
		Files.createDirectories(dir);
		try (var entries = Files.list(dir)) {
			if (entries.findAny().isPresent()) {
				throw new IOException("The version directory " + dir + " is not empty: a ladder is never overwritten");
			}
		}
	}

	private void runFfmpeg(List<String> command, long start, @Nullable Consumer<String> stdoutLines)
			throws IOException, TimeoutException, InterruptedException {
		Duration left = this.job.timeout().minusNanos(System.nanoTime() - start);
		ToolProcess ffmpeg;
		synchronized (this.lock) {
			throwIfCancelled();
			if (left.isNegative()) {
				throw new TimeoutException("The transcode took longer than " + this.job.timeout());
			}
			ffmpeg = ToolProcess.start(command, stdoutLines, 64 * 1024);
			this.running = ffmpeg;
		}
		int exit;
		try {
			exit = ffmpeg.waitFor(left);
		}
		catch (TimeoutException ex) {
			throw new TimeoutException("The transcode took longer than " + this.job.timeout());
		}
		finally {
			synchronized (this.lock) {
				this.running = null;
			}
		}
		synchronized (this.lock) {
			throwIfCancelled();
		}
		if (exit != 0) {
			throw new IOException("ffmpeg failed (exit " + exit + "): " + String.join(" | ", ffmpeg.stderr()));
		}
	}

	private void throwIfCancelled() {
		if (this.cancelled) {
			throw new CancellationException("The transcode was cancelled");
		}
	}

	private void removeOutputs() {
		try {
			LadderCheck.deleteTree(this.job.versionDir());
			if (this.job.mp4() != null) {
				Files.deleteIfExists(this.job.mp4());
			}
			if (this.job.poster() != null) {
				Files.deleteIfExists(this.job.poster());
			}
		}
		catch (IOException ex) {
			// The failure that brought us here is what the caller must hear about.
		}
	}

	/**
	 * What to transcode and where to.
	 *
	 * @param source the video file
	 * @param info what {@link MediaProbe} found in it
	 * @param renditions the rungs, smallest first (usually {@link Ladder#of})
	 * @param versionDir the new ladder's directory: created, or empty
	 * @param mp4 where to write the playable MP4 (the top rung's streams), or
	 * {@code null}
	 * @param poster where to write the JPEG poster, or {@code null}
	 * @param timeout how long all of it may take
	 * @param progress told each new percentage (0 to 100, rising, 100 once all is made);
	 * called on the thread that reads ffmpeg's output, so it must be quick
	 */
	public record Job(Path source, MediaInfo info, List<Rendition> renditions, Path versionDir, @Nullable Path mp4,
			@Nullable Path poster, Duration timeout, IntConsumer progress) {

		public Job {
			if (renditions.isEmpty()) {
				throw new IllegalArgumentException("A ladder has at least one rung");
			}
			// ffmpeg reads the output paths as patterns (%v, %05d): a % of our own would
			// be one.
			if (versionDir.toAbsolutePath().toString().contains("%")) {
				throw new IllegalArgumentException("A version directory's path may not contain %: " + versionDir);
			}
			renditions = List.copyOf(renditions);
		}

		/**
		 * The ladder {@link Ladder#of} chooses, no MP4, no poster, no progress reports.
		 */
		public static Job of(Path source, MediaInfo info, Path versionDir, Duration timeout) {
			return new Job(source, info, Ladder.of(info), versionDir, null, null, timeout, (percent) -> {
			});
		}

		public Job withMp4(Path mp4) {
			return new Job(this.source, this.info, this.renditions, this.versionDir, mp4, this.poster, this.timeout,
					this.progress);
		}

		public Job withPoster(Path poster) {
			return new Job(this.source, this.info, this.renditions, this.versionDir, this.mp4, poster, this.timeout,
					this.progress);
		}

		public Job withProgress(IntConsumer progress) {
			return new Job(this.source, this.info, this.renditions, this.versionDir, this.mp4, this.poster,
					this.timeout, progress);
		}

		public Job withRenditions(List<Rendition> renditions) {
			return new Job(this.source, this.info, renditions, this.versionDir, this.mp4, this.poster, this.timeout,
					this.progress);
		}

	}

	/**
	 * What a transcode made.
	 *
	 * @param versionDir the ladder's directory
	 * @param files the names of the ladder's files in it, sorted (each one a
	 * {@link io.videoserver.shared.store.VideoLayout#isHlsFile} name)
	 * @param renditions the rungs
	 * @param mp4 the playable MP4, when asked for
	 * @param poster the poster, when asked for
	 * @param elapsed how long it took
	 */
	public record Result(Path versionDir, List<String> files, List<Rendition> renditions, @Nullable Path mp4,
			@Nullable Path poster, Duration elapsed) {
	}

	/** Reports only rises, whichever thread reports. */
	private static final class Progress {

		private final IntConsumer listener;

		private final AtomicInteger last = new AtomicInteger(-1);

		Progress(IntConsumer listener) {
			this.listener = Objects.requireNonNull(listener);
		}

		void report(int percent) {
			int before = this.last.getAndAccumulate(percent, Math::max);
			if (percent > before) {
				this.listener.accept(percent);
			}
		}

	}

}
