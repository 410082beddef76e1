package io.videoserver.scheduler.execution;

import java.nio.file.Files;
import java.nio.file.Path;

import io.videoserver.scheduler.SchedulerProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the video directory DOWN when it is missing or read-only (an unmounted shared
 * volume), the state in which every deletion fails and rows pile up towards parking.
 */
@Component
class VideoDirectoryHealthIndicator implements HealthIndicator {

	private final Path dir;

	VideoDirectoryHealthIndicator(SchedulerProperties properties) {
		this.dir = properties.dir().toAbsolutePath().normalize();
	}

	@Override
	public Health health() {
		boolean usable = Files.isDirectory(this.dir) && Files.isWritable(this.dir);
		return (usable ? Health.up() : Health.down()).withDetail("path", this.dir.toString()).build();
	}

}
