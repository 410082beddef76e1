package io.videoserver.stream.upload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

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
	void removesAtOnceTheFreshPartFileOfAProcessThatDied() throws Exception {
		Process writer = startWriter();
		Path part = stagedBy(writer);
		writer.destroyForcibly().waitFor();
		assertThat(part).exists();

		cleaner(this.dir).run(new DefaultApplicationArguments());

		assertThat(part).doesNotExist();
		assertThat(Files.list(this.dir.resolve(StagingOwner.OWNERS))).as("only this process's lock is left").hasSize(1);
	}

	@Test
	void keepsThePartFilesOfAnotherLiveProcessAndOfThisOne() throws Exception {
		Process writer = startWriter();
		try {
			Path theirs = stagedBy(writer);
			Path ours = Files.writeString(StagingOwner.partFile(this.dir, VideoIds.newId()), "ours");
			Files.setLastModifiedTime(theirs, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

			cleaner(this.dir).run(new DefaultApplicationArguments());

			assertThat(theirs).as("a live writer's file, however old").exists();
			assertThat(ours).exists();
		}
		finally {
			writer.destroyForcibly().waitFor();
		}
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

	/** Another JVM that stages a file in the directory and runs until it is killed. */
	private Process startWriter() throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PartWriter.class.getName(),
				this.dir.toString(), VideoIds.newId())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
	}

	private static Path stagedBy(Process writer) throws IOException {
		try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream()))) {
			String line = out.readLine();
			assertThat(line).as("the writer's staged file").isNotNull();
			return Path.of(line);
		}
	}

	private static StaleUploadCleaner cleaner(Path dir) {
		return new StaleUploadCleaner(new LocalVideoStore(dir), TestStreamProperties.local(dir));
	}

}
