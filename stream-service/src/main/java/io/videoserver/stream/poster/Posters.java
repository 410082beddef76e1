package io.videoserver.stream.poster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.mp4.MediaInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Decodes the poster of a completed upload, so that the web UI shows a frame of each
 * video ({@link PosterRepository} keeps it with the video's row). A poster that cannot be
 * made never fails the upload: the UI then draws a placeholder. Decoding runs in a small
 * pool of its own, and an upload waits for it at most the configured time.
 */
@Component
public class Posters implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Posters.class);

	/** The sample entries of H.264, the codec JCodec decodes. */
	private static final Set<String> DECODABLE = Set.of("avc1", "avc3");

	/** A frame a second in skips a fade from black, when the video is long enough. */
	private static final double SECOND = 1.0;

	private final FrameDecoder decoder;

	private final StreamProperties.Poster bounds;

	private final ThreadPoolExecutor pool;

	Posters(FrameDecoder decoder, StreamProperties properties) {
		this.decoder = decoder;
		this.bounds = properties.poster();
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(this.bounds.threads(), this.bounds.threads(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(this.bounds.queue()), (task) -> {
					Thread thread = new Thread(task, "poster-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Decodes a poster from a complete, valid MP4 on the local disk, waiting for it at
	 * most the configured time.
	 * @return the poster, or empty when the codec is not H.264, the video is beyond the
	 * decoder's bounds, the frame does not decode in time or the pool is busy
	 */
	public Optional<Poster> make(Path file, MediaInfo info) {
		long maxPixels = this.bounds.maxPixels();
		if (info.codec() == null || !DECODABLE.contains(info.codec())) {
			return Optional.empty();
		}
		if (info.width() != null && info.height() != null && (long) info.width() * info.height() > maxPixels) {
			return Optional.empty();
		}
		double second = (info.durationMs() != null && info.durationMs() > 2000) ? SECOND : 0;
		Future<Poster> decoding;
		try {
			decoding = this.pool.submit(() -> this.decoder.decode(file, second, maxPixels));
		}
		catch (RejectedExecutionException ex) {
			log.warn("No poster for {}: {} posters are being decoded or waiting", file.getFileName(),
					this.bounds.threads() + this.bounds.queue());
			return Optional.empty();
		}
		return await(file, decoding);
	}

	private Optional<Poster> await(Path file, Future<Poster> decoding) {
		Duration timeout = this.bounds.timeout();
		try {
			return Optional.of(decoding.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			decoding.cancel(true); // the decoder stops at its next sample
			log.warn("No poster for {}: not decoded within {}", file.getFileName(), timeout);
		}
		catch (ExecutionException ex) {
			// JCodec reads untrusted input: whatever
			// it throws costs the video only its poster
			log.warn("No poster for {}: {}", file.getFileName(), ex.getCause().toString());
		}
		catch (InterruptedException ex) {
			decoding.cancel(true);
			Thread.currentThread().interrupt();
		}
		return Optional.empty();
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
