package io.videoserver.scheduler.execution;

import java.nio.charset.StandardCharsets;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.tests3.TestS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The S3 store of the scheduler against the test S3 server.
 */
class S3VideoRemoverTests {

	private final TestS3 s3 = TestS3.get();

	private final String bucket = this.s3.createBucket();

	private final String vid = VideoIds.newId();

	@Test
	void deletesTheObjectAndAnObjectAlreadyGoneCountsAsDeleted() throws Exception {
		String other = VideoIds.newId();
		put(this.vid);
		put(other);
		try (S3VideoRemover files = files(this.bucket, "")) {
			assertThat(files.available()).isTrue();
			assertThat(files.delete(this.vid, System.nanoTime())).isEqualTo(1);
			assertThat(files.delete(this.vid, System.nanoTime())).isZero();
		}
		assertThat(exists(this.vid)).isFalse();
		assertThat(exists(other)).isTrue();
	}

	@Test
	void deletesTheKeptUploadAndEveryLadderOfTheVideoOnly() throws Exception {
		String other = VideoIds.newId();
		put("videos/" + this.vid + ".source");
		put("videos/" + this.vid + ".hls/abc1/master.m3u8");
		put("videos/" + this.vid + ".hls/abc1/r240-00001.m4s");
		put("videos/" + this.vid + ".hls/def2/master.m3u8");
		put("videos/" + other + ".hls/abc1/master.m3u8");
		put("videos/" + other + ".source");
		try (S3VideoRemover files = files(this.bucket, "videos/")) {
			assertThat(files.delete(this.vid, System.nanoTime())).isEqualTo(4);
			assertThat(files.delete(this.vid, System.nanoTime())).isZero();
		}
		try (S3Client client = this.s3.client()) {
			assertThat(client.listObjectsV2((request) -> request.bucket(this.bucket)).contents())
				.extracting((object) -> object.key())
				.filteredOn((key) -> !key.endsWith("/")) // the test store's directories
				.containsExactlyInAnyOrder("videos/" + other + ".hls/abc1/master.m3u8", "videos/" + other + ".source");
		}
	}

	@Test
	void abortsTheUnfinishedMultipartUploadsOfTheVideo() throws Exception {
		try (S3Client client = this.s3.client()) {
			client.createMultipartUpload((request) -> request.bucket(this.bucket).key(this.vid));
			client.createMultipartUpload((request) -> request.bucket(this.bucket).key(this.vid + "-other"));
		}
		try (S3VideoRemover files = files(this.bucket, "")) {
			assertThat(files.delete(this.vid, System.nanoTime())).isEqualTo(1);
		}
		try (S3Client client = this.s3.client()) {
			assertThat(client.listMultipartUploads((request) -> request.bucket(this.bucket)).uploads())
				.extracting((upload) -> upload.key())
				.containsExactly(this.vid + "-other");
		}
	}

	@Test
	void keysCarryThePrefix() throws Exception {
		put("videos/" + this.vid);
		try (S3VideoRemover files = files(this.bucket, "videos/")) {
			assertThat(files.delete(this.vid, System.nanoTime())).isEqualTo(1);
		}
		assertThat(exists("videos/" + this.vid)).isFalse();
	}

	@Test
	void missingBucketIsUnavailableAndFailsInsteadOfDroppingRows() {
		try (S3VideoRemover files = files("no-such-bucket", "")) {
			assertThat(files.available()).isFalse();
			assertThatIOException().isThrownBy(() -> files.delete(this.vid, System.nanoTime()));
		}
	}

	@Test
	void refusesWhatIsNotAVideoId() {
		try (S3VideoRemover files = files(this.bucket, "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> files.delete("../x", System.nanoTime()));
		}
	}

	private S3VideoRemover files(String bucket, String prefix) {
		return S3VideoRemover.of(new S3Settings(this.s3.endpoint().toString(), TestS3.REGION, bucket, prefix, true,
				TestS3.ACCESS_KEY, TestS3.SECRET_KEY), 2);
	}

	private void put(String key) {
		try (S3Client client = this.s3.client()) {
			client.putObject((request) -> request.bucket(this.bucket).key(key),
					RequestBody.fromString("video", StandardCharsets.US_ASCII));
		}
	}

	private boolean exists(String key) {
		try (S3Client client = this.s3.client()) {
			return client.listObjectsV2((request) -> request.bucket(this.bucket).prefix(key))
				.contents()
				.stream()
				.anyMatch((object) -> object.key().equals(key));
		}
	}

}
