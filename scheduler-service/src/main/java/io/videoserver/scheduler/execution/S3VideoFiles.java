package io.videoserver.scheduler.execution;

import java.io.IOException;
import java.net.URI;

import io.videoserver.scheduler.SchedulerProperties;
import io.videoserver.shared.VideoIds;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The videos as objects of the S3-compatible bucket that the stream-service publishes to:
 * video {@code vid} is the object {@code prefix + vid}; an object already gone counts as
 * deleted, and multipart uploads of it that a crashed stream-service left unfinished are
 * aborted with it.
 */
public final class S3VideoFiles implements VideoFiles, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	public S3VideoFiles(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
	}

	/** A store with its own client, one pooled connection per executor thread. */
	public static S3VideoFiles of(SchedulerProperties.S3 settings, int concurrency) {
		if (settings.bucket().isBlank()) {
			throw new IllegalStateException("VIDEO_STORE=s3 needs VIDEO_S3_BUCKET");
		}
		var builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			.credentialsProvider(credentials(settings))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClient(ApacheHttpClient.builder().maxConnections(concurrency + 2).build());
		if (!settings.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		return new S3VideoFiles(builder.build(), settings.bucket(), settings.prefix());
	}

	private static AwsCredentialsProvider credentials(SchedulerProperties.S3 settings) {
		if (!settings.accessKey().isBlank()) {
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	/** The bucket answers: a store that cannot be reached deletes nothing. */
	@Override
	public boolean available() {
		try {
			this.s3.headBucket((request) -> request.bucket(this.bucket));
			return true;
		}
		catch (SdkException ex) {
			return false;
		}
	}

	@Override
	public int delete(String videoId, long claimedAt) throws IOException {
		if (!VideoIds.isValid(videoId)) {
			throw new IllegalArgumentException("Not a video id: " + videoId);
		}
		String key = this.prefix + videoId;
		try {
			int removed = exists(key) ? 1 : 0;
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(key));
			for (MultipartUpload upload : this.s3
				.listMultipartUploads((request) -> request.bucket(this.bucket).prefix(key))
				.uploads()) {
				if (key.equals(upload.key())) {
					this.s3.abortMultipartUpload(
							(request) -> request.bucket(this.bucket).key(key).uploadId(upload.uploadId()));
					removed++;
				}
			}
			return removed;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404 && "NoSuchKey".equals(code(ex))) {
				return 0; // gone meanwhile: deleted is deleted
			}
			throw new IOException("Deleting " + key + " from S3 failed", ex);
		}
		catch (SdkException ex) {
			throw new IOException("Deleting " + key + " from S3 failed", ex);
		}
	}

	private boolean exists(String key) {
		try {
			this.s3.headObject((request) -> request.bucket(this.bucket).key(key));
			return true;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	private static String code(S3Exception ex) {
		return (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : "";
	}

	@Override
	public void close() {
		this.s3.close();
	}

}
