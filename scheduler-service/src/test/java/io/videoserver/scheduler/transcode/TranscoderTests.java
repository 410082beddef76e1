package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.videoserver.shared.store.FileTrees;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.PublishLock;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transcoder's jobs on the video directory, with a stand-in for ffmpeg: what is
 * published, recorded and removed, and what a lost job leaves (nothing).
 */
class TranscoderTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@TempDir
	Path dir;

	@TempDir
	Path work;

	private final TranscodeFixture db = new TranscodeFixture();

	private TestTranscoder transcoder;

	@AfterEach
	void close() throws IOException {
		if (this.transcoder != null) {
			this.transcoder.close();
		}
		this.db.close();
		assertThat(list(this.work)).as("work directory emptied").isEmpty();
	}

	@Test
	void uploadBecomesLadderVideoPosterAndMediaInfoAndItsSourceGoes() throws IOException {
		VideoId vid = upload("video");
		start(new FakeEncoder(Duration.ZERO), 3);
		String version = awaitState(vid, "ready");
		assertThat(this.db.row(vid)).containsEntry("progress", 100)
			.containsEntry("renditions", "240")
			.containsEntry("last_error", null);
		assertThat(list(this.dir.resolve(VideoLayout.hlsVersion(vid, version))))
			.containsExactlyInAnyOrder("master.m3u8", "r240.m3u8", "r240-init.mp4", "r240-00000.m4s");
		assertThat(this.dir.resolve(vid.value())).hasContent("mp4 of " + vid);
		assertThat(this.dir.resolve(VideoLayout.source(vid))).doesNotExist();
		assertThat(list(this.dir)).containsExactlyInAnyOrder(vid.value(), VideoLayout.hlsRoot(vid));
		assertThat(this.db.info(vid)).containsEntry("duration_ms", 2000L)
			.containsEntry("width", 320)
			.containsEntry("height", 240)
			.containsEntry("codec", "avc1");
		assertThat(this.db.posters(vid)).isEqualTo(1);
		assertThat(this.transcoder.jobs("succeeded")).isEqualTo(1);
	}

	@Test
	void storedVideoGetsALadderAndANewOneReplacesIt() throws IOException {
		VideoId vid = this.db.queued(Source.VIDEO);
		Files.writeString(this.dir.resolve(vid.value()), "playable");
		start(new FakeEncoder(Duration.ZERO), 3);
		String first = awaitState(vid, "ready");
		this.db.requeue(vid, Source.VIDEO);
		awaitReadyAgain(vid);
		String second = (String) this.db.row(vid).get("hls_version");
		assertThat(second).isNotEqualTo(first);
		assertThat(list(this.dir.resolve(VideoLayout.hlsRoot(vid)))).containsExactly(second);
		assertThat(this.dir.resolve(vid.value())).hasContent("playable");
		assertThat(this.db.posters(vid)).isZero();
	}

	@Test
	void newUploadWhileTranscodingDiscardsTheOldResultAndItsFiles() throws Exception {
		VideoId vid = upload("first");
		FakeEncoder encoder = startHeld();
		this.db.requeue(vid, Source.UPLOAD);
		encoder.open();
		awaitReadyAgain(vid);
		assertThat(encoder.runs(vid.value())).isEqualTo(2);
		assertThat(this.transcoder.jobs("lost")).isEqualTo(1);
		assertThat(this.transcoder.jobs("succeeded")).isEqualTo(1);
		assertThat(list(this.dir.resolve(VideoLayout.hlsRoot(vid))))
			.containsExactly((String) this.db.row(vid).get("hls_version"));
		assertThat(list(this.dir)).containsExactlyInAnyOrder(vid.value(), VideoLayout.hlsRoot(vid));
	}

	@Test
	void mp4OfANewerUploadPublishedBeforeItsEnqueueIsNeverReplaced() throws Exception {
		VideoId vid = upload("first");
		FakeEncoder encoder = startHeld();
		// a newer upload, published and not yet queued
		Files.writeString(this.dir.resolve(vid.value()), "newer upload");
		encoder.open();
		await().atMost(10, TimeUnit.SECONDS).until(() -> this.transcoder.jobs("lost") == 1);
		assertThat(this.dir.resolve(vid.value())).hasContent("newer upload");
		assertThat(list(this.dir)).containsExactlyInAnyOrder(vid.value(), VideoLayout.source(vid));
		assertThat(this.db.posters(vid)).isZero();
		this.db.requeue(vid, Source.VIDEO);
		awaitReadyAgain(vid);
		assertThat(this.dir.resolve(vid.value())).hasContent("newer upload");
	}

	@Test
	void videoDeletedWhileTranscodingLeavesNothingBehind() throws Exception {
		VideoId vid = upload("video");
		FakeEncoder encoder = startHeld();
		this.db.deleteVideo(vid);
		// as the deletion runner does
		Files.delete(this.dir.resolve(VideoLayout.source(vid)));
		encoder.open();
		await().atMost(10, TimeUnit.SECONDS).until(() -> this.transcoder.jobs("lost") == 1);
		assertThat(list(this.dir)).isEmpty();
		assertThat(this.db.posters(vid)).isZero();
	}

	@Test
	void videoDeletedBetweenThePublicationAndTheRecordHasItsMp4RemovedAgain() throws Exception {
		VideoId vid = upload("video");
		TranscodeStore local = new LocalTranscodeStore(this.dir);
		// the MP4 is published outside the transaction: the video is deleted (and its
		// deletion runs) right after the publication, before the result is recorded
		TranscodeStore deletingAfterPublish = new DelegatingStore(local) {

			@Override
			public StagedVideo stageVideo(VideoId video, Path mp4, String expected) throws IOException {
				StagedVideo staged = local.stageVideo(video, mp4, expected);
				return new StagedVideo() {

					@Override
					public boolean publish() throws IOException {
						boolean published = staged.publish();
						TranscoderTests.this.db.deleteVideo(video);
						Files.delete(TranscoderTests.this.dir.resolve(VideoLayout.source(video)));
						return published;
					}

					@Override
					public void unpublish() throws IOException {
						staged.unpublish();
					}

					@Override
					public void discard() {
						staged.discard();
					}

				};
			}

		};
		this.transcoder = new TestTranscoder(this.db, "solo", deletingAfterPublish, new FakeEncoder(Duration.ZERO),
				TestTranscoder.settings(this.work, 1, LEASE, 3))
			.start();
		await().atMost(10, TimeUnit.SECONDS).until(() -> this.transcoder.jobs("lost") == 1);
		assertThat(list(this.dir)).as("no file without its row").isEmpty();
	}

	/** A store that passes every call on, for a test to change one. */
	private static class DelegatingStore implements TranscodeStore {

		private final TranscodeStore store;

		DelegatingStore(TranscodeStore store) {
			this.store = store;
		}

		@Override
		public boolean available() {
			return this.store.available();
		}

		@Override
		public Path source(VideoId vid, Source source, Path workDir) throws IOException {
			return this.store.source(vid, source, workDir);
		}

		@Override
		public void publishLadder(VideoId vid, String version, Path ladder) throws IOException {
			this.store.publishLadder(vid, version, ladder);
		}

		@Override
		public void removeLadder(VideoId vid, String version) throws IOException {
			this.store.removeLadder(vid, version);
		}

		@Override
		public String version(VideoId vid, Source file) throws IOException {
			return this.store.version(vid, file);
		}

		@Override
		public StagedVideo stageVideo(VideoId vid, Path mp4, String expected) throws IOException {
			return this.store.stageVideo(vid, mp4, expected);
		}

		@Override
		public void removeSource(VideoId vid, String expected) throws IOException {
			this.store.removeSource(vid, expected);
		}

	}

	@Test
	void notAVideoIsParkedAtOnceSayingWhy() throws IOException {
		VideoId vid = upload("not a video");
		start(new FakeEncoder(Duration.ZERO), 3);
		awaitState(vid, "failed");
		assertThat(this.db.row(vid)).containsEntry("parked", true)
			.containsEntry("attempts", 1)
			.containsEntry("last_error", "not a video ffmpeg can read: no video stream");
		assertThat(this.dir.resolve(VideoLayout.source(vid))).exists();
		assertThat(this.transcoder.jobs("parked")).isEqualTo(1);
	}

	@Test
	void ffmpegFailureIsRetriedAfterABackOffAndParkedAfterTheLastAttempt() throws IOException {
		VideoId vid = upload("video");
		start(new FakeEncoder(Duration.ZERO).failing("ffmpeg failed (exit 1): Invalid data found"), 3);
		awaitState(vid, "failed");
		assertThat(this.db.row(vid)).containsEntry("parked", true)
			.containsEntry("attempts", 3)
			.containsEntry("last_error", "ffmpeg failed (exit 1): Invalid data found");
		assertThat(this.transcoder.jobs("failed")).isEqualTo(2);
		assertThat(list(this.dir)).containsExactly(VideoLayout.source(vid));
	}

	@Test
	void withoutFfmpegNothingIsClaimedNorParked() throws Exception {
		VideoId vid = upload("video");
		FakeEncoder encoder = new FakeEncoder(Duration.ZERO);
		this.transcoder = new TestTranscoder(this.db, "solo", new LocalTranscodeStore(this.dir), encoder,
				FakeEncoder::probe, TestTranscoder.settings(this.work, 1, LEASE, 1), () -> {
					throw new IllegalStateException("no ffmpeg here");
				})
			.start();
		Thread.sleep(300);
		assertThat(this.db.row(vid)).containsEntry("state", "queued").containsEntry("attempts", 0);
		assertThat(encoder.runs(vid.value())).isZero();
	}

	@Test
	void unwritableWorkDirectoryClaimsNothingUntilItIsBack() throws Exception {
		VideoId vid = upload("video");
		Path blocked = Files.writeString(this.work.resolve("blocked"), "a file where the directory should be");
		this.transcoder = new TestTranscoder(this.db, "solo", new LocalTranscodeStore(this.dir),
				new FakeEncoder(Duration.ZERO), TestTranscoder.settings(blocked.resolve("jobs"), 1, LEASE, 1))
			.start();
		Thread.sleep(300);
		assertThat(this.db.row(vid)).containsEntry("state", "queued").containsEntry("attempts", 0);
		Files.delete(blocked);
		awaitState(vid, "ready");
		FileTrees.delete(blocked);
	}

	private VideoId upload(String content) throws IOException {
		VideoId vid = this.db.queued(Source.UPLOAD);
		Files.writeString(this.dir.resolve(VideoLayout.source(vid)), content);
		return vid;
	}

	private void start(FakeEncoder encoder, int maxAttempts) {
		this.transcoder = new TestTranscoder(this.db, "solo", new LocalTranscodeStore(this.dir), encoder,
				TestTranscoder.settings(this.work, 1, LEASE, maxAttempts))
			.start();
	}

	/**
	 * Starts a transcoder whose encoder holds the first job it gets until the test opens
	 * it.
	 */
	private FakeEncoder startHeld() throws InterruptedException {
		FakeEncoder encoder = new FakeEncoder(Duration.ZERO).closed();
		start(encoder, 3);
		assertThat(encoder.started.await(10, TimeUnit.SECONDS)).isTrue();
		return encoder;
	}

	/** Waits until the job a test queued again has run: its second generation ready. */
	private void awaitReadyAgain(VideoId vid) {
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> this.db.row(vid).get("generation").equals(2) && "ready".equals(this.db.row(vid).get("state")));
	}

	private String awaitState(VideoId vid, String state) {
		await().atMost(10, TimeUnit.SECONDS).until(() -> state.equals(this.db.row(vid).get("state")));
		return String.valueOf(this.db.row(vid).get("hls_version"));
	}

	static List<String> list(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> !name.equals(PublishLock.NAME)) // a lock's, not a
																	// video's
				.toList();
		}
	}

}
