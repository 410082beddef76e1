package io.videoserver.stream.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.PublishLockContention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalVideoStoreTests {

	@TempDir
	Path dir;

	@Test
	@EnabledOnOs(OS.LINUX)
	void openRacingWithReplacementsAndDeletionsLeaksNoFileDescriptor() throws Exception {
		String vid = VideoIds.newId();
		Path video = this.dir.resolve(vid);
		Path[] versions = { Files.writeString(this.dir.resolve("a"), "version a"),
				Files.writeString(this.dir.resolve("bb"), "version bb") };
		LocalVideoStore store = new LocalVideoStore(this.dir);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread churn = new Thread(() -> { // links and unlinks take no descriptor
			for (int i = 0; running.get(); i++) {
				try {
					Files.deleteIfExists(video);
					Files.createLink(video, versions[i % 2]);
				}
				catch (IOException ex) {
					// the next round tries again
				}
			}
		});
		long before = openDescriptors();
		churn.start();
		try {
			for (int i = 0; i < 100_000; i++) {
				try (VideoSource source = store.open(new VideoId(vid))) {
					assertThat(source.size()).isIn(9L, 10L);
				}
				catch (ApiException ex) {
					// 404 or 503 while the file is away or replaced
				}
			}
		}
		finally {
			running.set(false);
			churn.join();
		}
		assertThat(openDescriptors()).isLessThanOrEqualTo(before + 2);
	}

	@Test
	void publishSyncsTheDirectoryAfterTheRename() throws Exception {
		String vid = VideoIds.newId();
		List<String> synced = new ArrayList<>();
		LocalVideoStore store = new LocalVideoStore(this.dir,
				(directory) -> synced.add(directory + " holds " + Files.readString(directory.resolve(vid))));
		store.publish(new VideoId(vid), Files.writeString(this.dir.resolve(vid + ".x.part"), "new"));
		assertThat(synced).containsExactly(this.dir.toAbsolutePath().normalize() + " holds new");
	}

	@Test
	void aFailedDirectorySyncLeavesThePublishedVersionInPlaceAndRecorded() throws Exception {
		String vid = VideoIds.newId();
		LocalVideoStore store = new LocalVideoStore(this.dir, (directory) -> {
			throw new IOException("EIO");
		});
		store.publish(new VideoId(vid), Files.writeString(this.dir.resolve(vid + ".x.part"), "new"));
		assertThat(this.dir.resolve(vid)).hasContent("new");
	}

	@Test
	void syncingADirectoryWorksHere() throws Exception {
		LocalVideoStore.syncDirectory(this.dir);
		String vid = VideoIds.newId();
		new LocalVideoStore(this.dir).publish(new VideoId(vid),
				Files.writeString(this.dir.resolve(vid + ".x.part"), "new"));
		assertThat(this.dir.resolve(vid)).hasContent("new");
	}

	private static long openDescriptors() throws IOException {
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			return fds.count();
		}
	}

	@Test
	void anUploadIsRenamedIntoPlaceOnlyWhileNoOneHoldsThePublicationLock() throws Exception {
		LocalVideoStore store = new LocalVideoStore(this.dir);
		VideoId vid = new VideoId(VideoIds.newId());
		Path video = Files.writeString(this.dir.resolve(vid.value()), "the upload");
		Path complete = Files.writeString(this.dir.resolve("complete.part"), "a newer upload");

		// as the transcoder does from its check of {vid} to its rename of the MP4 over it
		PublishLockContention.contend(this.dir, () -> {
			store.publish(vid, complete);
			return null;
		}, () -> {
			assertThat(video).as("renamed into place while the lock was held").hasContent("the upload");
			return null;
		});

		assertThat(video).hasContent("a newer upload");
	}

}
