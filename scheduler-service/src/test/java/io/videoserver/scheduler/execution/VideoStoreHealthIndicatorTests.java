package io.videoserver.scheduler.execution;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class VideoStoreHealthIndicatorTests {

	@TempDir
	Path dir;

	@Test
	void presentDirectoryIsUpAndMissingOneIsDown() {
		assertThat(health(this.dir)).isEqualTo(Status.UP);
		assertThat(health(this.dir.resolve("unmounted"))).isEqualTo(Status.DOWN);
	}

	private static Status health(Path dir) {
		return new VideoStoreHealthIndicator(new LocalVideoRemover(dir)).health().getStatus();
	}

}
