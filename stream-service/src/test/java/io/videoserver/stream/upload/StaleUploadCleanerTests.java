package io.videoserver.stream.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.videoserver.shared.VideoIds;
import io.videoserver.stream.TestStreamProperties;
import io.videoserver.stream.store.LocalVideoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

class StaleUploadCleanerTests {

	@TempDir
	Path dir;

	@Test
	void removesOnlyPartFilesUntouchedForLongerThanTheGracePeriod() throws Exception {
		String vid = VideoIds.newId();
		Path abandoned = Files.writeString(this.dir.resolve(vid + ".aaa.part"), "crashed");
		Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		Path writing = Files.writeString(this.dir.resolve(vid + ".bbb.part"), "another replica is writing");
		Path video = Files.writeString(this.dir.resolve(vid), "a video");
		Files.setLastModifiedTime(video, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

		cleaner(this.dir).run(new DefaultApplicationArguments());

		assertThat(abandoned).doesNotExist();
		assertThat(writing).exists();
		assertThat(video).exists();
	}

	@Test
	void leavesResumableUploadsToTheirOwnExpiry() throws Exception {
		Path tus = Files.createDirectories(this.dir.resolve(".tus"));
		Path bytes = Files.writeString(tus.resolve("0123456789abcdef0123456789abcdef.bin"), "half a video");
		Files.setLastModifiedTime(bytes, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

		cleaner(this.dir).run(new DefaultApplicationArguments());

		assertThat(bytes).exists();
	}

	@Test
	void createsAMissingVideoDirectory() throws Exception {
		Path missing = this.dir.resolve("videos");
		cleaner(missing).run(new DefaultApplicationArguments());
		assertThat(missing).isDirectory();
	}

	private static StaleUploadCleaner cleaner(Path dir) {
		return new StaleUploadCleaner(new LocalVideoStore(dir), TestStreamProperties.local(dir));
	}

}
