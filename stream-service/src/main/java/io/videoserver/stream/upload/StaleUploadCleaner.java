package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.videoserver.shared.StagingLayout;
import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.store.VideoStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Removes the {@code .part} files that a crashed process left behind, at start-up: those
 * of an owner whose lock no process holds any more (see {@link StagingOwner}), at once,
 * since other replicas sharing the directory hold theirs; files named otherwise (by an
 * older version) only once untouched for a while.
 */
@Component
class StaleUploadCleaner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaleUploadCleaner.class);

	private final Path dir;

	private final Duration staleAfter;

	StaleUploadCleaner(VideoStore videos, StreamProperties properties) {
		this.dir = videos.staging().toAbsolutePath().normalize();
		this.staleAfter = properties.upload().staleAfter();
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Files.createDirectories(this.dir);
		StagingOwner.claim(this.dir);
		FileTime cutoff = FileTime.from(Instant.now().minus(this.staleAfter));
		int removed = 0;
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(this.dir, StagingLayout.GLOB)) {
			for (Path part : parts) {
				if (Files.isRegularFile(part) && isAbandoned(part, cutoff) && Files.deleteIfExists(part)) {
					removed++;
				}
			}
		}
		removeDeadOwners();
		if (removed > 0) {
			log.info("Removed {} abandoned upload file(s) from {}", removed, this.dir);
		}
	}

	private boolean isAbandoned(Path part, FileTime cutoff) throws IOException {
		@Nullable String owner = StagingOwner.ownerOf(part);
		if (owner != null) {
			return !StagingOwner.isAlive(this.dir, owner);
		}
		return Files.getLastModifiedTime(part).compareTo(cutoff) < 0;
	}

	/** The lock files of owners that are gone, after their files. */
	private void removeDeadOwners() throws IOException {
		try (DirectoryStream<Path> locks = Files.newDirectoryStream(this.dir.resolve(StagingOwner.OWNERS), "*.lock")) {
			for (Path lock : locks) {
				if (!StagingOwner.isAlive(this.dir, StagingOwner.ownerOfLock(lock))) {
					Files.deleteIfExists(lock);
				}
			}
		}
	}

}
