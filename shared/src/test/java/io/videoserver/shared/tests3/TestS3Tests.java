package io.videoserver.shared.tests3;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

class TestS3Tests {

	@Test
	void storesAndServesRangesOfAnObject() {
		TestS3 s3 = TestS3.get();
		String bucket = s3.createBucket();
		try (S3Client client = s3.client()) {
			client.putObject((request) -> request.bucket(bucket).key("k"),
					RequestBody.fromString("0123456789", StandardCharsets.US_ASCII));
			byte[] range = client.getObjectAsBytes((request) -> request.bucket(bucket).key("k").range("bytes=2-4"))
				.asByteArray();
			assertThat(new String(range, StandardCharsets.US_ASCII)).isEqualTo("234");
		}
		assertThat(s3.dir().resolve(bucket).resolve("k")).exists();
	}

}
