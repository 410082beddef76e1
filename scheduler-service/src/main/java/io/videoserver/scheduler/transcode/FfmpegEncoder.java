package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

import io.videoserver.shared.media.HlsTranscode;
import io.videoserver.shared.media.Ladder;
import io.videoserver.shared.media.MediaInfo;
import io.videoserver.shared.media.MediaTools;
import io.videoserver.shared.media.Rendition;
import org.jspecify.annotations.Nullable;

/**
 * The encoder of the application: {@link HlsTranscode} on the ladder {@link Ladder}
 * chooses for the source, stopped by the job's cancel and by the job timeout; its
 * failures become one line a person can read in {@code last_error}.
 */
final class FfmpegEncoder implements Encoder {

	private static final String STDERR_SEPARATOR = " | ";

	private final MediaTools tools;

	private final Duration timeout;

	FfmpegEncoder(MediaTools tools, Duration timeout) {
		this.tools = tools;
		this.timeout = timeout;
	}

	@Override
	public Encoded encode(Path source, MediaInfo info, Path out, boolean withVideo, IntConsumer progress, Cancel cancel)
			throws EncodeException, IOException {
		List<Rendition> ladder = Ladder.of(info);
		HlsTranscode.Job job = HlsTranscode.Job.of(source, info, out.resolve("ladder"), this.timeout)
			.withRenditions(ladder)
			.withProgress(progress);
		if (withVideo) {
			job = job.withMp4(out.resolve("video.mp4")).withPoster(out.resolve("poster.jpg"));
		}
		HlsTranscode transcode = new HlsTranscode(this.tools, job);
		cancel.onCancel(transcode::cancel);
		try {
			HlsTranscode.Result result = transcode.run();
			return new Encoded(result.versionDir(), result.renditions().stream().map(Rendition::height).toList(),
					result.mp4(), result.poster());
		}
		catch (TimeoutException ex) {
			throw new EncodeException("ffmpeg took longer than the job's timeout of " + this.timeout, ex);
		}
		catch (CancellationException ex) {
			throw new EncodeException("the job was stopped", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EncodeException("the job was interrupted", ex);
		}
		catch (IOException ex) {
			throw new EncodeException(lastErrorLine(ex.getMessage()), ex);
		}
	}

	/**
	 * ffmpeg's failure with only the last line it wrote to stderr, which names the cause
	 * ("Invalid data found when processing input"); the lines before are its banner and
	 * context.
	 */
	static String lastErrorLine(@Nullable String message) {
		if (message == null || message.isBlank()) {
			return "ffmpeg failed without a message";
		}
		int colon = message.indexOf(": ");
		int last = message.lastIndexOf(STDERR_SEPARATOR);
		if (!message.startsWith("ffmpeg failed") || colon < 0 || last < colon) {
			return message;
		}
		return message.substring(0, colon + 2) + message.substring(last + STDERR_SEPARATOR.length()).strip();
	}

}
