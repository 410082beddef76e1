package io.videoserver.shared.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param connectTimeout the longest wait for a new connection to the bucket
 * @param socketTimeout the longest silence while waiting for an answer or reading one: a
 * bucket that stops answering fails an attempt after this long
 * @param attemptTimeout the longest one attempt of a call may take, transfer included
 * (bounds a part of a multipart upload at {@code part-size} bytes)
 * @param callTimeout the longest a call may take, all its attempts and back-offs included
 * @param maxRetries how often a failed call (a 5xx, a throttling answer, a connection
 * error or timeout) is tried again, with the SDK's back-off, before it fails
 */
@ConfigurationProperties("video.s3")
public record S3Settings(@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region,
		@DefaultValue("") String bucket, @DefaultValue("") String prefix, @DefaultValue("false") boolean pathStyle,
		@DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration socketTimeout,
		@DefaultValue("60s") Duration attemptTimeout, @DefaultValue("120s") Duration callTimeout,
		@DefaultValue("2") int maxRetries) {

	/** The defaults of the timeouts and retries; what an unbound setting gets. */
	public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);

	public static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

	public static final int MAX_RETRIES = 2;

	@ConstructorBinding
	public S3Settings {
		requirePositive("VIDEO_S3_CONNECT_TIMEOUT", connectTimeout);
		requirePositive("VIDEO_S3_SOCKET_TIMEOUT", socketTimeout);
		requirePositive("VIDEO_S3_ATTEMPT_TIMEOUT", attemptTimeout);
		requirePositive("VIDEO_S3_CALL_TIMEOUT", callTimeout);
		if (callTimeout.compareTo(attemptTimeout) < 0) {
			throw new IllegalArgumentException("VIDEO_S3_CALL_TIMEOUT must be at least VIDEO_S3_ATTEMPT_TIMEOUT");
		}
		if (maxRetries < 0 || maxRetries > 10) {
			throw new IllegalArgumentException("VIDEO_S3_MAX_RETRIES must be between 0 and 10");
		}
	}

	/** The bucket with the default timeouts and retries. */
	public S3Settings(String endpoint, String region, String bucket, String prefix, boolean pathStyle, String accessKey,
			String secretKey) {
		this(endpoint, region, bucket, prefix, pathStyle, accessKey, secretKey, CONNECT_TIMEOUT, SOCKET_TIMEOUT,
				ATTEMPT_TIMEOUT, CALL_TIMEOUT, MAX_RETRIES);
	}

	/** The same bucket with other timeouts and retries (tests make them short). */
	public S3Settings withTimeouts(Duration connect, Duration socket, Duration attempt, Duration call, int retries) {
		return new S3Settings(this.endpoint, this.region, this.bucket, this.prefix, this.pathStyle, this.accessKey,
				this.secretKey, connect, socket, attempt, call, retries);
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
