package io.videoserver.scheduler.execution;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.videoserver.shared.VideoIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalVideoRemoverTests {

	@TempDir
	Path dir;

	@Test
	void deletesTheVideoAndItsPartialUploadsOnly() throws IOException {
		String id = VideoIds.newId();
		String other = VideoIds.newId();
		touch(id, id + ".1a2b.part", id + ".3c4d.part", other, other + ".5e6f.part", id + ".meta", id + "x.1.part");
		assertThat(new LocalVideoRemover(this.dir).delete(id, System.nanoTime())).isEqualTo(3);
		assertThat(this.dir.toFile().list()).containsExactlyInAnyOrder(other, other + ".5e6f.part", id + ".meta",
				id + "x.1.part");
	}

	@Test
	void deletesTheKeptUploadAndEveryLadderOfTheVideoOnly() throws IOException {
		String id = VideoIds.newId();
		String other = VideoIds.newId();
		touch(id, id + ".source", other + ".source");
		Files.createDirectories(this.dir.resolve(id + ".hls/abc1"));
		Files.createDirectories(this.dir.resolve(id + ".hls/def2"));
		Files.createDirectories(this.dir.resolve(other + ".hls/abc1"));
		touch(id + ".hls/abc1/master.m3u8", id + ".hls/abc1/r240-00001.m4s", id + ".hls/def2/master.m3u8",
				other + ".hls/abc1/master.m3u8");
		assertThat(new LocalVideoRemover(this.dir).delete(id, System.nanoTime())).isEqualTo(5);
		assertThat(this.dir.toFile().list()).containsExactlyInAnyOrder(other + ".source", other + ".hls");
		assertThat(this.dir.resolve(other + ".hls/abc1/master.m3u8")).exists();
	}

	@Test
	void videoThatIsAlreadyGoneCountsAsDeleted() throws IOException {
		LocalVideoRemover files = new LocalVideoRemover(this.dir);
		String id = VideoIds.newId();
		touch(id);
		assertThat(files.delete(id, System.nanoTime())).isEqualTo(1);
		assertThat(files.delete(id, System.nanoTime())).isZero();
	}

	@Test
	void partialUploadsAreListedOncePerClaimNotOncePerVideo() throws IOException {
		LocalVideoRemover files = new LocalVideoRemover(this.dir);
		String first = VideoIds.newId();
		String second = VideoIds.newId();
		touch(first, first + ".1.part");
		long claim = System.nanoTime();
		assertThat(files.delete(first, claim)).isEqualTo(2);
		touch(second, second + ".2.part"); // appears after the claim's listing
		assertThat(files.delete(second, claim)).isEqualTo(1);
		assertThat(files.delete(second, System.nanoTime())).isEqualTo(1);
		assertThat(this.dir.toFile().list()).isEmpty();
	}

	@Test
	void missingDirectoryIsAFailureNotADeletion() {
		LocalVideoRemover files = new LocalVideoRemover(this.dir.resolve("unmounted"));
		assertThatExceptionOfType(NoSuchFileException.class)
			.isThrownBy(() -> files.delete(VideoIds.newId(), System.nanoTime()));
	}

	@Test
	void fileThatCannotBeDeletedIsAFailure() throws IOException {
		String id = VideoIds.newId();
		Files.createDirectories(this.dir.resolve(id).resolve("inside"));
		assertThatExceptionOfType(DirectoryNotEmptyException.class)
			.isThrownBy(() -> new LocalVideoRemover(this.dir).delete(id, System.nanoTime()));
	}

	@Test
	void idOutsideThePatternNeverTouchesTheFileSystem() throws IOException {
		Path outside = Files.writeString(this.dir.resolve("secret"), "keep");
		LocalVideoRemover files = new LocalVideoRemover(this.dir.resolve("videos"));
		assertThatIllegalArgumentException().isThrownBy(() -> files.delete("../secret", System.nanoTime()));
		assertThatIllegalArgumentException().isThrownBy(() -> files.delete("*", System.nanoTime()));
		assertThat(outside).exists();
	}

	private void touch(String... names) throws IOException {
		for (String name : names) {
			Files.writeString(this.dir.resolve(name), name);
		}
	}

}
