package io.videoserver.scheduler.transcode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.videoserver.scheduler.consistency.TestChecker;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.testfault.Tmpfs;
import io.videoserver.shared.testmedia.TestMedia;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transcoder's work directory on a 64 KiB tmpfs this test mounts (it needs root, as
 * CI has): ffmpeg cannot write its output, the job fails with a reason a person can read
 * and is retried with back-off, never parked as "not a video"; once the space returns
 * (the tmpfs unmounted) the next attempt makes the ladder, and the consistency check
 * finds nothing out of place.
 */
class FullWorkDirectoryTests {

	@TempDir
	static Path samples;

	@TempDir
	Path dir;

	@TempDir
	Path work;

	private final TranscodeFixture db = new TranscodeFixture();

	private TestTranscoder transcoder;

	private Tmpfs full;

	@AfterEach
	void close() throws Exception {
		if (this.transcoder != null) {
			this.transcoder.close();
		}
		this.db.close();
		if (this.full != null) {
			this.full.unmount();
		}
	}

	@Test
	void aFullWorkDirectoryFailsTheJobReadablyAndItIsRetriedUntilSpaceReturns() throws Exception {
		this.full = Tmpfs.mount(this.work, "64k");
		VideoId vid = this.db.queued(Source.UPLOAD);
		Files.copy(TestMedia.create(samples, TestMedia.Sample.H264_AAC_MKV), this.dir.resolve(VideoLayout.source(vid)));
		this.transcoder = TestTranscoder
			.withFfmpeg(this.db, "full", new LocalTranscodeStore(this.dir),
					TestTranscoder.settings(this.work, 1, Duration.ofSeconds(30), 1000))
			.start();
		long started = System.nanoTime();
		await().atMost(60, TimeUnit.SECONDS).until(() -> ((Number) this.db.row(vid).get("attempts")).intValue() >= 2);
		long failing = System.nanoTime() - started;
		var row = this.db.row(vid);
		assertThat(row.get("state")).isNotIn("failed", "ready");
		assertThat(row.get("parked")).isIn(false, 0, 0L);
		assertThat((String) row.get("last_error")).as("the reason").contains("No space left on device");
		assertThat((String) row.get("last_error")).doesNotContain("not a video");

		this.full.unmount();
		long healed = System.nanoTime();
		await().atMost(90, TimeUnit.SECONDS).until(() -> "ready".equals(this.db.row(vid).get("state")));
		long recovered = System.nanoTime() - healed;
		assertThat(this.dir.resolve(vid.value())).exists();
		var findings = TestChecker.forDirectory(this.db.jdbc, this.dir).check().findings();
		assertThat(findings).as("the consistency check after the space returned").isEmpty();
		System.out.printf(
				"Full work directory: two failed attempts in %d ms (%s), ready %d ms after the space " + "returned%n",
				failing / 1_000_000, row.get("last_error"), recovered / 1_000_000);
	}

}
