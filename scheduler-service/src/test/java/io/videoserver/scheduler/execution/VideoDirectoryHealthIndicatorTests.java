package io.videoserver.scheduler.execution;

import java.nio.file.Path;

import io.videoserver.scheduler.SchedulerProperties;
import io.videoserver.scheduler.TestReplica;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class VideoDirectoryHealthIndicatorTests {

	@TempDir
	Path dir;

	@Test
	void presentDirectoryIsUpAndMissingOneIsDown() {
		assertThat(indicator(this.dir).health().getStatus()).isEqualTo(Status.UP);
		assertThat(indicator(this.dir.resolve("unmounted")).health().getStatus()).isEqualTo(Status.DOWN);
	}

	private static VideoDirectoryHealthIndicator indicator(Path dir) {
		return new VideoDirectoryHealthIndicator(
				new SchedulerProperties(dir, "local", "", TestReplica.settings("health")));
	}

}
