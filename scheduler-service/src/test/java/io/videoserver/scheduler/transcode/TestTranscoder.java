package io.videoserver.scheduler.transcode;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.videoserver.shared.media.MediaProbe;
import io.videoserver.shared.media.MediaSettings;
import io.videoserver.shared.media.MediaTools;

/**
 * One replica's transcoder below Spring Boot, assembled as the application assembles it,
 * with the fake encoder (or the bundled ffmpeg, for real media) and short times.
 */
final class TestTranscoder implements AutoCloseable {

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final TranscodeQueue queue;

	final TranscodeRunner runner;

	TestTranscoder(TranscodeFixture db, String owner, TranscodeStore store, Encoder encoder, Transcoder.Probe probe,
			TranscodeProperties settings, Runnable preflight) {
		this.queue = db.queue(owner);
		this.runner = TranscodeConfiguration.assemble(this.queue, store, db.jdbc, db.transactions, probe, encoder,
				settings, this.meters, preflight);
	}

	TestTranscoder(TranscodeFixture db, String owner, TranscodeStore store, Encoder encoder, Transcoder.Probe probe,
			TranscodeProperties settings) {
		this(db, owner, store, encoder, probe, settings, () -> {
		});
	}

	TestTranscoder(TranscodeFixture db, String owner, TranscodeStore store, Encoder encoder,
			TranscodeProperties settings) {
		this(db, owner, store, encoder, FakeEncoder::probe, settings);
	}

	/**
	 * A transcoder that encodes and probes with the bundled ffmpeg and ffprobe.
	 */
	static TestTranscoder withFfmpeg(TranscodeFixture db, String owner, TranscodeStore store,
			TranscodeProperties settings) {
		MediaTools tools = MediaTools.of(MediaSettings.bundled());
		return new TestTranscoder(db, owner, store, new FfmpegEncoder(tools, Duration.ofMinutes(2)),
				new MediaProbe(tools, Duration.ofSeconds(30))::probe, settings);
	}

	/** Short times: a claim every 50 ms, a lease of the given length, quick retries. */
	static TranscodeProperties settings(Path workDir, int concurrency, Duration lease, int maxAttempts) {
		return settings(true, workDir, concurrency, lease, maxAttempts);
	}

	/** The same short times on a replica with {@code video.transcode.enabled=false}. */
	static TranscodeProperties switchedOff(Path workDir) {
		return settings(false, workDir, 1, Duration.ofSeconds(30), 3);
	}

	private static TranscodeProperties settings(boolean enabled, Path workDir, int concurrency, Duration lease,
			int maxAttempts) {
		return new TranscodeProperties(enabled, concurrency, Duration.ofMillis(50), lease, maxAttempts,
				Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(1), Duration.ofMillis(100), workDir);
	}

	TestTranscoder start() {
		this.runner.start();
		return this;
	}

	double jobs(String outcome) {
		var counter = this.meters.find("video.transcode.jobs").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Override
	public void close() {
		if (this.runner.isRunning()) {
			this.runner.stop();
		}
	}

}
