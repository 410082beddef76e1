package io.videoserver.shared.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible bucket that holds the videos when {@code VIDEO_STORE=s3}, bound from
 * {@code video.s3.*} once for the stream-service and the scheduler-service, which must
 * reach the same bucket with the same variables ({@code VIDEO_S3_*}, mapped in the
 * application.yml of each).
 *
 * @param endpoint the S3 API's address; empty for AWS itself (from the region)
 * @param region the signing region
 * @param bucket the bucket that holds the videos
 * @param prefix what every object key starts with (empty, or ending in {@code /})
 * @param pathStyle address the bucket as {@code endpoint/bucket} (MinIO, Ceph, Garage,
 * S3Proxy) instead of {@code bucket.endpoint}
 * @param accessKey the access key; empty to use the AWS SDK's default chain
 * ({@code AWS_ACCESS_KEY_ID}, web identity, instance role)
 * @param secretKey the secret key that goes with {@code accessKey}
 */
@ConfigurationProperties("video.s3")
public record S3Settings(@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region,
		@DefaultValue("") String bucket, @DefaultValue("") String prefix, @DefaultValue("false") boolean pathStyle,
		@DefaultValue("") String accessKey, @DefaultValue("") String secretKey) {
}
