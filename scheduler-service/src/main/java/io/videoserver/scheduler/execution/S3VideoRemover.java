package io.videoserver.scheduler.execution;

import java.io.IOException;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.S3Clients;
import io.videoserver.shared.store.S3Settings;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Removes videos from the S3-compatible bucket that the stream-service publishes to:
 * video {@code vid} is the object {@code prefix + vid}; an object already gone counts as
 * deleted, and multipart uploads of it that a crashed stream-service left unfinished are
 * aborted with it.
 */
public final class S3VideoRemover implements VideoRemover, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	public S3VideoRemover(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
	}

	/** A remover with its own client, one pooled connection per executor thread. */
	public static S3VideoRemover of(S3Settings settings, int concurrency) {
		return new S3VideoRemover(S3Clients.client(settings, concurrency + 2), settings.bucket(), settings.prefix());
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
