package io.videoserver.scheduler.transcode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transcoders of several replicas on one database: each with its own queue view, lease
 * owner and workers, assembled as the application assembles them.
 */
class TranscodeRaceTests {

	@TempDir
	Path dir;

	@TempDir
	Path work;

	private final TranscodeFixture db = new TranscodeFixture();

	private final List<TestTranscoder> transcoders = new ArrayList<>();

	@AfterEach
	void close() {
		this.transcoders.forEach(TestTranscoder::close);
		this.db.close();
	}

	@Test
	void twoTranscodersShareTheJobsAndNoJobIsDoneTwice() throws Exception {
		List<VideoId> videos = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			VideoId vid = this.db.queued(Source.VIDEO);
			Files.writeString(this.dir.resolve(vid.value()), "playable");
			videos.add(vid);
		}
		FakeEncoder encoder = new FakeEncoder(Duration.ofMillis(150));
		TestTranscoder alpha = transcoder("alpha", encoder, 2, Duration.ofSeconds(30)).start();
		TestTranscoder beta = transcoder("beta", encoder, 2, Duration.ofSeconds(30)).start();
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> videos.stream().allMatch((vid) -> "ready".equals(this.db.row(vid).get("state"))));
		for (VideoId vid : videos) {
			assertThat(encoder.runs(vid.value())).as("runs of %s", vid).isEqualTo(1);
			assertThat(TranscoderTests.list(this.dir.resolve(VideoLayout.hlsRoot(vid))))
				.containsExactly((String) this.db.row(vid).get("hls_version"));
		}
		assertThat(alpha.jobs("succeeded") + beta.jobs("succeeded")).isEqualTo(8);
		assertThat(alpha.jobs("succeeded")).isPositive();
		assertThat(beta.jobs("succeeded")).isPositive();
	}

	@Test
	void killedTranscodersJobIsTakenOverOnceItsLeaseLapses() throws Exception {
		VideoId vid = this.db.queued(Source.UPLOAD);
		Files.writeString(this.dir.resolve(VideoLayout.source(vid)), "upload");
		Duration lease = Duration.ofSeconds(1);
		// claims and then never renews: a replica killed mid-job
		assertThat(this.db.queue("killed").claim(lease)).isPresent();
		long claimed = System.nanoTime();
		FakeEncoder encoder = new FakeEncoder(Duration.ZERO);
		TestTranscoder survivor = transcoder("survivor", encoder, 1, lease).start();
		await().atMost(10, TimeUnit.SECONDS).until(() -> "ready".equals(this.db.row(vid).get("state")));
		assertThat(Duration.ofNanos(System.nanoTime() - claimed)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(encoder.runs(vid.value())).isEqualTo(1);
		assertThat(survivor.jobs("succeeded")).isEqualTo(1);
		assertThat(this.dir.resolve(vid.value())).hasContent("mp4 of " + vid);
	}

	@Test
	void jobThatOutlivesItsLeaseKeepsItByRenewing() throws Exception {
		VideoId vid = this.db.queued(Source.VIDEO);
		Files.writeString(this.dir.resolve(vid.value()), "playable");
		FakeEncoder encoder = new FakeEncoder(Duration.ofMillis(2500));
		transcoder("alpha", encoder, 1, Duration.ofSeconds(1)).start();
		assertThat(encoder.started.await(10, TimeUnit.SECONDS)).isTrue();
		TestTranscoder beta = transcoder("beta", encoder, 1, Duration.ofSeconds(1)).start();
		await().atMost(10, TimeUnit.SECONDS).until(() -> "ready".equals(this.db.row(vid).get("state")));
		assertThat(encoder.runs(vid.value())).isEqualTo(1);
		assertThat(beta.jobs("succeeded")).isZero();
	}

	@Test
	void shutdownGivesTheJobUnderWayBack() throws Exception {
		VideoId vid = this.db.queued(Source.VIDEO);
		Files.writeString(this.dir.resolve(vid.value()), "playable");
		FakeEncoder encoder = new FakeEncoder(Duration.ZERO).closed();
		TestTranscoder alpha = transcoder("alpha", encoder, 1, Duration.ofMinutes(1)).start();
		assertThat(encoder.started.await(10, TimeUnit.SECONDS)).isTrue();
		alpha.close();
		assertThat(this.db.row(vid)).containsEntry("state", "queued").containsEntry("lease_owner", null);
		assertThat(alpha.jobs("released")).isEqualTo(1);
		assertThat(TranscoderTests.list(this.work)).isEmpty();
	}

	@Test
	void replicaWithTranscodingSwitchedOffNeverClaims() throws Exception {
		VideoId vid = this.db.queued(Source.VIDEO);
		Files.writeString(this.dir.resolve(vid.value()), "playable");
		FakeEncoder encoder = new FakeEncoder(Duration.ZERO);
		TestTranscoder off = new TestTranscoder(this.db, "off", new LocalTranscodeStore(this.dir), encoder,
				TestTranscoder.switchedOff(this.work));
		this.transcoders.add(off);
		// started the way the application starts it: by the context's lifecycle
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(TranscodeRunner.class, () -> off.runner);
			context.refresh();
			Thread.sleep(500); // ten claim intervals
			assertThat(off.runner.isRunning()).isFalse();
			assertThat(this.db.row(vid)).containsEntry("state", "queued").containsEntry("lease_owner", null);
			assertThat(encoder.runs(vid.value())).isZero();
		}
	}

	private TestTranscoder transcoder(String owner, FakeEncoder encoder, int concurrency, Duration lease) {
		TestTranscoder transcoder = new TestTranscoder(this.db, owner, new LocalTranscodeStore(this.dir), encoder,
				TestTranscoder.settings(this.work, concurrency, lease, 3));
		this.transcoders.add(transcoder);
		return transcoder;
	}

}
