package io.videoserver.scheduler.transcode;

import java.time.Duration;
import java.util.Optional;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim, the lease and the generation-guarded writes of {@link TranscodeQueue} on the
 * real database.
 */
class TranscodeQueueTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	private final TranscodeFixture db = new TranscodeFixture();

	private final TranscodeQueue alpha = this.db.queue("alpha");

	private final TranscodeQueue beta = this.db.queue("beta");

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void claimLeasesOneDueRowToTheClaimingReplicaAlone() {
		VideoId vid = this.db.queued(Source.UPLOAD);
		Optional<Claim> claim = this.alpha.claim(LEASE);
		assertThat(claim).contains(new Claim(vid.value(), 1, Source.UPLOAD, 0));
		assertThat(this.db.row(vid)).containsEntry("state", "running").containsEntry("lease_owner", "alpha");
		assertThat(this.beta.claim(LEASE)).isEmpty();
	}

	@Test
	void lapsedLeaseIsTakenOverByAnotherReplica() {
		VideoId vid = this.db.queued(Source.VIDEO);
		Claim first = this.alpha.claim(LEASE).orElseThrow();
		this.db.lapseLeases();
		Claim second = this.beta.claim(LEASE).orElseThrow();
		assertThat(second).isEqualTo(first);
		assertThat(this.db.row(vid)).containsEntry("lease_owner", "beta");
		assertThat(this.alpha.renew(first, LEASE)).isFalse();
		assertThat(this.alpha.progress(first, 50, LEASE)).isFalse();
		assertThat(this.beta.progress(second, 50, LEASE)).isTrue();
		assertThat(this.db.row(vid)).containsEntry("progress", 50);
	}

	@Test
	void newUploadWhileRunningMakesEveryWriteOfTheOldGenerationLose() {
		VideoId vid = this.db.queued(Source.UPLOAD);
		Claim old = this.alpha.claim(LEASE).orElseThrow();
		this.db.requeue(vid, Source.UPLOAD);
		assertThat(this.alpha.renew(old, LEASE)).isFalse();
		assertThat(this.alpha.progress(old, 10, LEASE)).isFalse();
		assertThat(this.alpha.lockForResult(old)).isEmpty();
		assertThat(this.alpha.succeeded(old, "abc", "240")).isFalse();
		assertThat(this.alpha.failed(old, "boom", false, LEASE)).isFalse();
		assertThat(this.alpha.release(old)).isFalse();
		Claim fresh = this.beta.claim(LEASE).orElseThrow();
		assertThat(fresh.generation()).isEqualTo(2);
		assertThat(this.beta.succeeded(fresh, "def", "240,480")).isTrue();
		assertThat(this.db.row(vid)).containsEntry("state", "ready")
			.containsEntry("generation", 2)
			.containsEntry("hls_version", "def")
			.containsEntry("renditions", "240,480")
			.containsEntry("lease_owner", null);
	}

	@Test
	void onlyTheFirstResultOfAGenerationIsRecorded() {
		VideoId vid = this.db.queued(Source.VIDEO);
		Claim slow = this.alpha.claim(LEASE).orElseThrow();
		this.db.lapseLeases();
		Claim fast = this.beta.claim(LEASE).orElseThrow();
		assertThat(this.beta.succeeded(fast, "fast1", "240")).isTrue();
		assertThat(this.alpha.succeeded(slow, "slow1", "240")).isFalse();
		assertThat(this.db.row(vid)).containsEntry("hls_version", "fast1");
	}

	@Test
	void failureBacksOffAndTheLastAllowedFailureParksTheRow() {
		VideoId vid = this.db.queued(Source.UPLOAD);
		Claim first = this.alpha.claim(LEASE).orElseThrow();
		assertThat(this.alpha.failed(first, "ffmpeg failed (exit 1): bad input", false, Duration.ofHours(1))).isTrue();
		assertThat(this.db.row(vid)).containsEntry("state", "queued")
			.containsEntry("attempts", 1)
			.containsEntry("backing_off", 1)
			.containsEntry("last_error", "ffmpeg failed (exit 1): bad input");
		assertThat(this.beta.claim(LEASE)).isEmpty();
		this.db.jdbc.sql("UPDATE video_transcode SET next_attempt_at = NOW(3)").update();
		Claim second = this.beta.claim(LEASE).orElseThrow();
		assertThat(second.attempts()).isEqualTo(1);
		assertThat(this.beta.failed(second, "x".repeat(600), true, Duration.ZERO)).isTrue();
		assertThat(this.db.row(vid)).containsEntry("state", "failed")
			.containsEntry("parked", true)
			.containsEntry("attempts", 2)
			.containsEntry("last_error", "x".repeat(512));
		this.db.jdbc.sql("UPDATE video_transcode SET next_attempt_at = NOW(3)").update();
		assertThat(this.alpha.claim(LEASE)).isEmpty();
		assertThat(this.alpha.counts()).isEqualTo(new TranscodeCounts(0, 0, 1));
	}

	@Test
	void newUploadUnparksTheRow() {
		VideoId vid = this.db.queued(Source.UPLOAD);
		Claim claim = this.alpha.claim(LEASE).orElseThrow();
		this.alpha.failed(claim, "not a video", true, Duration.ZERO);
		this.db.requeue(vid, Source.UPLOAD);
		assertThat(this.beta.claim(LEASE)).contains(new Claim(vid.value(), 2, Source.UPLOAD, 0));
	}

	@Test
	void releasedRowIsClaimableAtOnce() {
		this.db.queued(Source.VIDEO);
		Claim claim = this.alpha.claim(LEASE).orElseThrow();
		assertThat(this.alpha.counts()).isEqualTo(new TranscodeCounts(0, 1, 0));
		assertThat(this.alpha.release(claim)).isTrue();
		assertThat(this.beta.claim(LEASE)).contains(claim);
	}

}
