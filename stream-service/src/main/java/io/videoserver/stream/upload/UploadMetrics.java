package io.videoserver.stream.upload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts upload bytes for the operator's dashboards: everything received (also what was
 * later refused, cut off or is still waiting in a resumable upload), and what was stored
 * as a video.
 */
@Component
public class UploadMetrics {

	private final Counter received;

	private final Counter stored;

	UploadMetrics(MeterRegistry registry) {
		this.received = Counter.builder("video.upload.received")
			.baseUnit("bytes")
			.description("Bytes of video files received, whatever became of them")
			.register(registry);
		this.stored = Counter.builder("video.upload.stored")
			.baseUnit("bytes")
			.description("Bytes of video files published as videos")
			.register(registry);
	}

	public void received(long bytes) {
		this.received.increment(bytes);
	}

	void stored(long bytes) {
		this.stored.increment(bytes);
	}

}
