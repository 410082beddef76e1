package io.videoserver.stream;

import io.videoserver.shared.tests3.TestS3;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the stream-service at one bucket of the test S3 server (the same bucket for
 * every S3 context of the JVM; video ids are unique). Parts are S3's smallest, 5 MB, so
 * that the tests' uploads (2 MB at most) go in one PUT; {@code S3VideoStoreTests} covers
 * the multipart path.
 */
class S3StoreInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BUCKET = TestS3.get().createBucket();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestS3 s3 = TestS3.get();
		TestPropertyValues
			.of("video.store=s3", "video.s3.endpoint=" + s3.endpoint(), "video.s3.region=" + TestS3.REGION,
					"video.s3.bucket=" + BUCKET, "video.s3.path-style=true", "video.s3.access-key=" + TestS3.ACCESS_KEY,
					"video.s3.secret-key=" + TestS3.SECRET_KEY, "video.s3.part-size=5MB")
			.applyTo(context);
	}

}
