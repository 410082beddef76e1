package io.videoserver.e2e;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.videoserver.shared.tests3.TestS3;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The multi-replica site with {@code VIDEO_STORE=s3}: the videos in one bucket, the
 * uploads staged in the directory the stream replicas share.
 */
class ClusterS3SiteTests extends ClusterScenarios {

	private final TestS3 s3 = TestS3.get();

	private final String bucket = this.s3.createBucket();

	@Override
	Map<String, String> storeEnvironment() {
		return this.s3.environment(this.bucket);
	}

	@Override
	Set<String> storedIds() {
		try (S3Client client = this.s3.client()) {
			return client.listObjectsV2Paginator((request) -> request.bucket(this.bucket))
				.contents()
				.stream()
				.map(S3Object::key)
				.collect(Collectors.toSet());
		}
	}

	@Override
	byte @Nullable [] stored(String vid) {
		try (S3Client client = this.s3.client()) {
			return client.getObjectAsBytes((request) -> request.bucket(this.bucket).key(vid)).asByteArray();
		}
		catch (NoSuchKeyException ex) {
			return null;
		}
	}

}
