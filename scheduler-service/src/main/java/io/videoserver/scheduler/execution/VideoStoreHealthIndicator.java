package io.videoserver.scheduler.execution;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the video store DOWN while it cannot be worked (an unmounted shared volume),
 * the state in which the runner pauses and the queue grows.
 */
@Component
class VideoStoreHealthIndicator implements HealthIndicator {

	private final VideoRemover remover;

	VideoStoreHealthIndicator(VideoRemover remover) {
		this.remover = remover;
	}

	@Override
	public Health health() {
		return this.remover.available() ? Health.up().build() : Health.down().build();
	}

}
