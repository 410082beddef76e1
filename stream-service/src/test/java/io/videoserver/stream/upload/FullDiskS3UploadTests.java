package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.tests3.TestS3;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A full staging disk in front of the S3 store: the videos are in a bucket of this
 * class's own on the test S3 server, the uploads (the tus ones too) are received on a
 * {@link SmallDisk} mounted as {@code video.s3.staging-dir}, and the video directory is
 * elsewhere, with room to spare: the scenario of {@link FullDiskTest}, refused by the
 * staging disk's free space.
 */
class FullDiskS3UploadTests extends FullDiskTest {

	private static final SmallDisk DISK = SmallDisk.mount("full-staging");

	@Autowired
	private S3Settings bucket;

	@DynamicPropertySource
	static void smallStagingDisk(DynamicPropertyRegistry registry) throws IOException {
		StreamIntegrationTest.s3Store(registry, TestS3.get().endpoint(), DISK.dir());
		Path videos = Files.createTempDirectory("videos");
		registry.add("video.dir", videos::toString);
	}

	@AfterAll
	static void unmount() throws Exception {
		DISK.unmount();
	}

	@Override
	protected SmallDisk disk() {
		return DISK;
	}

	@Override
	protected byte[] storedFile(String vid) {
		try (S3Client client = TestS3.get().client()) {
			return client.getObjectAsBytes((request) -> request.bucket(this.bucket.bucket()).key(vid)).asByteArray();
		}
	}

}
