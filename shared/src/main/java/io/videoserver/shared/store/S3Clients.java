package io.videoserver.shared.store;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the AWS SDK's clients for the video bucket, so that the service that writes the
 * videos and the one that deletes them sign, address and check their requests alike.
 */
public final class S3Clients {

	private S3Clients() {
	}

	/**
	 * Whether the bucket answers now: a store that cannot be reached is not worked on
	 * (the scheduler's deletions and transcoding wait for it instead of failing rows).
	 */
	public static boolean bucketAnswers(S3Client s3, String bucket) {
		try {
			s3.headBucket((request) -> request.bucket(bucket));
			return true;
		}
		catch (SdkException ex) {
			return false;
		}
	}

	/**
	 * A synchronous client on a pool of Apache HTTP connections; checksums only where the
	 * API requires them, as S3-compatible stores (MinIO, Ceph, S3Proxy) do not all accept
	 * the SDK's newer trailing checksums.
	 * @param s3 the bucket's settings
	 * @param maxConnections the size of the connection pool
	 * @return a client the caller closes
	 * @throws IllegalStateException when no bucket is configured
	 */
	public static S3Client client(S3Settings s3, int maxConnections) {
		if (s3.bucket().isBlank()) {
			throw new IllegalStateException("VIDEO_STORE=s3 needs VIDEO_S3_BUCKET");
		}
		var builder = S3Client.builder()
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyle())
			.credentialsProvider(credentials(s3))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClient(ApacheHttpClient.builder().maxConnections(maxConnections).build());
		URI endpoint = endpoint(s3);
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	/**
	 * A presigner for addresses that let a client fetch an object without credentials.
	 * @param s3 the bucket's settings
	 * @return a presigner the caller closes
	 */
	public static S3Presigner presigner(S3Settings s3) {
		var builder = S3Presigner.builder()
			.region(Region.of(s3.region()))
			.credentialsProvider(credentials(s3))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build());
		URI endpoint = endpoint(s3);
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	/**
	 * Explicit keys when given, else the SDK's default chain (AWS_* variables, web
	 * identity, instance role).
	 */
	private static AwsCredentialsProvider credentials(S3Settings s3) {
		if (!s3.accessKey().isBlank()) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	private static @Nullable URI endpoint(S3Settings s3) {
		return s3.endpoint().isBlank() ? null : URI.create(s3.endpoint());
	}

}
