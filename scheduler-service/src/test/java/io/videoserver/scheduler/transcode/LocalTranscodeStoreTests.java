package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.PublishLockContention;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTranscodeStoreTests {

	@TempDir
	Path dir;

	@TempDir
	Path work;

	private final VideoId vid = new VideoId(VideoIds.newId());

	@Test
	void ladderAppearsWholeUnderItsVersionWithOnlyLadderFiles() throws IOException {
		Path ladder = Files.createDirectories(this.work.resolve("ladder"));
		Files.writeString(ladder.resolve("master.m3u8"), "#EXTM3U");
		Files.writeString(ladder.resolve("r240-00000.m4s"), "segment");
		Files.writeString(ladder.resolve("ffmpeg.log"), "not published");
		LocalTranscodeStore store = new LocalTranscodeStore(this.dir);
		store.publishLadder(this.vid, "abc1", ladder);
		assertThat(TranscoderTests.list(this.dir.resolve(VideoLayout.hlsRoot(this.vid)))).containsExactly("abc1");
		assertThat(TranscoderTests.list(this.dir.resolve(VideoLayout.hlsVersion(this.vid, "abc1"))))
			.containsExactlyInAnyOrder("master.m3u8", "r240-00000.m4s");
		store.publishLadder(this.vid, "def2", ladder);
		store.removeLadder(this.vid, "abc1");
		assertThat(TranscoderTests.list(this.dir.resolve(VideoLayout.hlsRoot(this.vid)))).containsExactly("def2");
		store.removeLadder(this.vid, "def2");
		assertThat(TranscoderTests.list(this.dir)).isEmpty();
	}

	@Test
	void sourceOfANewerUploadIsNotRemoved() throws IOException {
		LocalTranscodeStore store = new LocalTranscodeStore(this.dir);
		Path source = Files.writeString(this.dir.resolve(VideoLayout.source(this.vid)), "first upload");
		String read = store.version(this.vid, Source.UPLOAD);
		Files.writeString(source, "the newer upload");
		store.removeSource(this.vid, read);
		assertThat(source).hasContent("the newer upload");
		store.removeSource(this.vid, store.version(this.vid, Source.UPLOAD));
		assertThat(source).doesNotExist();
		assertThat(store.version(this.vid, Source.UPLOAD)).isEqualTo(TranscodeStore.ABSENT);
	}

	@Test
	void mp4ReplacesOnlyTheVideoTheJobSaw() throws IOException {
		LocalTranscodeStore store = new LocalTranscodeStore(this.dir);
		Path mp4 = Files.writeString(this.work.resolve("video.mp4"), "made");
		TranscodeStore.StagedVideo first = store.stageVideo(this.vid, mp4, TranscodeStore.ABSENT);
		assertThat(first.publish()).isTrue();
		assertThat(this.dir.resolve(this.vid.value())).hasContent("made");
		TranscodeStore.StagedVideo stale = store.stageVideo(this.vid, mp4, TranscodeStore.ABSENT);
		assertThat(stale.publish()).isFalse();
		stale.discard();
		assertThat(TranscoderTests.list(this.dir)).containsExactly(this.vid.value());
	}

	@Test
	void aReuploadRenamedIntoPlaceWhileTheMp4WaitsForTheLockWins() throws Exception {
		LocalTranscodeStore store = new LocalTranscodeStore(this.dir);
		Path video = Files.writeString(this.dir.resolve(this.vid.value()), "the upload");
		Path reupload = Files.writeString(this.dir.resolve("reupload.part"), "a newer upload");
		TranscodeStore.StagedVideo staged = store.stageVideo(this.vid,
				Files.writeString(this.work.resolve("video.mp4"), "made"), store.version(this.vid, Source.VIDEO));

		// the stream-service renaming a re-upload into place holds the lock meanwhile
		boolean published = PublishLockContention.contend(this.dir, staged::publish, () -> {
			assertThat(video).as("replaced while the lock was held").hasContent("the upload");
			return Files.move(reupload, video, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		});

		assertThat(published).as("the MP4 was published").isFalse();
		assertThat(video).hasContent("a newer upload");
	}

	@Test
	void theSourceOfAReuploadRenamedIntoPlaceWhileTheRemovalWaitsIsKept() throws Exception {
		LocalTranscodeStore store = new LocalTranscodeStore(this.dir);
		Path source = Files.writeString(this.dir.resolve(VideoLayout.source(this.vid)), "the upload");
		Path reupload = Files.writeString(this.dir.resolve("reupload.part"), "a newer upload");
		String read = store.version(this.vid, Source.UPLOAD);

		PublishLockContention.contend(this.dir, () -> {
			store.removeSource(this.vid, read);
			return null;
		}, () -> {
			assertThat(source).as("removed while the lock was held").hasContent("the upload");
			return Files.move(reupload, source, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		});

		assertThat(source).hasContent("a newer upload");
	}

}
