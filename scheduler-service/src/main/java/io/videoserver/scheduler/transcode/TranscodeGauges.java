package io.videoserver.scheduler.transcode;

import java.time.Duration;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Publishes the size of the whole transcoding queue (queued, running and parked rows) as
 * gauges, counting at most once per {@code maxAge} however often the registry is read.
 */
final class TranscodeGauges {

	private static final Logger log = LoggerFactory.getLogger(TranscodeGauges.class);

	private final TranscodeQueue queue;

	private final long maxAgeNanos;

	private TranscodeCounts counts = new TranscodeCounts(0, 0, 0);

	private long countedAt;

	private boolean counted;

	TranscodeGauges(TranscodeQueue queue, Duration maxAge, MeterRegistry meters) {
		this.queue = queue;
		this.maxAgeNanos = maxAge.toNanos();
		register(meters, "queued", "Rows of video_transcode waiting for a transcoder", TranscodeCounts::queued);
		register(meters, "running", "Rows of video_transcode a transcoder holds", TranscodeCounts::running);
		register(meters, "failed", "Rows of video_transcode parked after too many failed attempts",
				TranscodeCounts::parked);
	}

	private void register(MeterRegistry meters, String state, String description,
			ToLongFunction<TranscodeCounts> count) {
		Gauge.builder("video.transcode.queue", this, (gauges) -> count.applyAsLong(gauges.counts()))
			.description(description)
			.tag("state", state)
			.register(meters);
	}

	synchronized TranscodeCounts counts() {
		long now = System.nanoTime();
		if (!this.counted || now - this.countedAt > this.maxAgeNanos) {
			try {
				this.counts = this.queue.counts();
			}
			catch (DataAccessException ex) {
				log.debug("Could not count the transcoding queue: {}", ex.getMessage());
			}
			this.countedAt = now;
			this.counted = true;
		}
		return this.counts;
	}

}
