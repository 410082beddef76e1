package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import io.videoserver.shared.media.MediaInfo;
import io.videoserver.shared.media.NotAVideoException;

/**
 * An encoder that writes a ladder of small files named as ffmpeg names them, after an
 * optional wait, for tests about the queue rather than the media; it counts its runs per
 * video and stops when the job is cancelled. Its probe calls a file starting with "not"
 * no video.
 */
final class FakeEncoder implements Encoder {

	static final MediaInfo INFO = new MediaInfo("mp4", 2000, "h264", 320, 240, 0, 25, false, "aac");

	final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

	final CountDownLatch started = new CountDownLatch(1);

	private final Duration work;

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private volatile String failure = "";

	FakeEncoder(Duration work) {
		this.work = work;
	}

	/** Holds every run until {@link #open()}. */
	FakeEncoder closed() {
		this.gate = new CountDownLatch(1);
		return this;
	}

	void open() {
		this.gate.countDown();
	}

	/** Makes every run fail as ffmpeg does. */
	FakeEncoder failing(String reason) {
		this.failure = reason;
		return this;
	}

	static MediaInfo probe(Path file) throws NotAVideoException, IOException {
		if (Files.readString(file).startsWith("not")) {
			throw new NotAVideoException("no video stream");
		}
		return INFO;
	}

	@Override
	public Encoded encode(Path source, MediaInfo info, Path out, boolean withVideo, IntConsumer progress, Cancel cancel)
			throws EncodeException, IOException {
		String vid = source.getFileName().toString().substring(0, 36);
		this.runs.computeIfAbsent(vid, (id) -> new AtomicInteger()).incrementAndGet();
		this.started.countDown();
		progress.accept(10);
		long end = System.nanoTime() + this.work.toNanos();
		try {
			while (!cancel.cancelled() && (this.gate.getCount() > 0 || System.nanoTime() < end)) {
				this.gate.await(10, TimeUnit.MILLISECONDS);
				progress.accept(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (cancel.cancelled()) {
			throw new EncodeException("the job was stopped");
		}
		if (!this.failure.isEmpty()) {
			throw new EncodeException(this.failure);
		}
		Path ladder = Files.createDirectories(out.resolve("ladder"));
		for (String name : List.of("master.m3u8", "r240.m3u8", "r240-init.mp4", "r240-00000.m4s")) {
			Files.writeString(ladder.resolve(name), name + " of " + vid);
		}
		if (!withVideo) {
			return new Encoded(ladder, List.of(240), null, null);
		}
		Path video = Files.writeString(out.resolve("video.mp4"), "mp4 of " + vid);
		Path poster = Files.write(out.resolve("poster.jpg"), new byte[] { (byte) 0xFF, (byte) 0xD8 });
		return new Encoded(ladder, List.of(240), video, poster);
	}

	int runs(String vid) {
		AtomicInteger count = this.runs.get(vid);
		return (count != null) ? count.get() : 0;
	}

}
