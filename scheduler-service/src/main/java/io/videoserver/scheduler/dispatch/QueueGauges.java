package io.videoserver.scheduler.dispatch;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Publishes the size of the whole queue (waiting and parked rows) as gauges, counting at
 * most once per {@code maxAge} however often the registry is read.
 */
public class QueueGauges {

	private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

	private final DeletionQueue queue;

	private final long maxAgeNanos;

	private QueueCounts counts = new QueueCounts(0, 0);

	private long countedAt;

	private boolean counted;

	public QueueGauges(DeletionQueue queue, Duration maxAge, MeterRegistry meters) {
		this.queue = queue;
		this.maxAgeNanos = maxAge.toNanos();
		Gauge.builder("video.deletion.queue", this, (gauges) -> gauges.counts().waiting())
			.description("Rows of video_del_rec waiting to be worked, across all replicas")
			.tag("state", "waiting")
			.register(meters);
		Gauge.builder("video.deletion.queue", this, (gauges) -> gauges.counts().parked())
			.description("Rows of video_del_rec parked after too many failed attempts")
			.tag("state", "parked")
			.register(meters);
	}

	synchronized QueueCounts counts() {
		long now = System.nanoTime();
		if (!this.counted || now - this.countedAt > this.maxAgeNanos) {
			try {
				this.counts = this.queue.counts();
			}
			catch (DataAccessException ex) {
				log.debug("Could not count the deletion queue: {}", ex.getMessage());
			}
			this.countedAt = now;
			this.counted = true;
		}
		return this.counts;
	}

}
