package io.videoserver.shared.consistency;

import java.nio.charset.StandardCharsets;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.tests3.TestS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bucket's listing for the check: below the prefix only, a ladder version's objects
 * folded into one name.
 */
class S3StoreListingTests {

	private final TestS3 s3 = TestS3.get();

	private final String bucket = this.s3.createBucket();

	@Test
	void namesBelowThePrefixWithEachLadderVersionFolded() {
		String vid = VideoIds.newId();
		put("videos/" + vid);
		put("videos/" + vid + ".source");
		put("videos/" + vid + ".hls/v1/master.m3u8");
		put("videos/" + vid + ".hls/v1/r240-00001.m4s");
		put("videos/" + vid + ".hls/v2/master.m3u8");
		put("elsewhere/" + vid);
		try (S3Client client = this.s3.client()) {
			S3StoreListing listing = new S3StoreListing(client, this.bucket, "videos/");
			assertThat(listing.list()).extracting(StoredName::name)
				.containsExactlyInAnyOrder(vid, vid + ".source", vid + ".hls/v1", vid + ".hls/v2");
			assertThat(listing.exists(vid)).isTrue();
			assertThat(listing.exists(vid + ".hls/v1")).isTrue();
			assertThat(listing.exists(vid + ".hls/v3")).isFalse();
			assertThat(listing.exists(VideoIds.newId())).isFalse();
		}
	}

	@Test
	void aVideoWhoseOnlyObjectsAreItsLadderDoesNotExistAsAFile() {
		String vid = VideoIds.newId();
		put(vid + ".hls/v1/master.m3u8");
		try (S3Client client = this.s3.client()) {
			S3StoreListing listing = new S3StoreListing(client, this.bucket, "");
			assertThat(listing.exists(vid)).isFalse();
			assertThat(listing.exists(vid + ".hls/v1")).isTrue();
		}
	}

	private void put(String key) {
		try (S3Client client = this.s3.client()) {
			client.putObject((request) -> request.bucket(this.bucket).key(key),
					RequestBody.fromString("x", StandardCharsets.US_ASCII));
		}
	}

}
