package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.store.VideoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Removes the {@code .part} files that a crashed upload left behind, at start-up; only
 * those untouched for a while, since another replica may be writing the younger ones.
 */
@Component
class StaleUploadCleaner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaleUploadCleaner.class);

	private final Path dir;

	private final Duration staleAfter;

	StaleUploadCleaner(VideoStore videos, StreamProperties properties) {
		this.dir = videos.staging();
		this.staleAfter = properties.upload().staleAfter();
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Files.createDirectories(this.dir);
		FileTime cutoff = FileTime.from(Instant.now().minus(this.staleAfter));
		int removed = 0;
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(this.dir, "*.part")) {
			for (Path part : parts) {
				if (Files.isRegularFile(part) && Files.getLastModifiedTime(part).compareTo(cutoff) < 0
						&& Files.deleteIfExists(part)) {
					removed++;
				}
			}
		}
		if (removed > 0) {
			log.info("Removed {} abandoned upload file(s) from {}", removed, this.dir);
		}
	}

}
