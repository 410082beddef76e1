package io.videoserver.scheduler.execution;

import java.io.IOException;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.S3Clients;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.VideoLayout;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Removes videos from the S3-compatible bucket that the stream-service publishes to:
 * video {@code vid} is the object {@code prefix + vid}, the upload kept as it came
 * {@code prefix + vid.source}, its ladders every object under {@code prefix + vid.hls/}
 * ({@link VideoLayout}); an object already gone counts as deleted, and multipart uploads
 * of the video or its source that a crashed stream-service left unfinished are aborted
 * with it.
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
		return S3Clients.bucketAnswers(this.s3, this.bucket);
	}

	@Override
	public int delete(String videoId, long claimedAt) throws IOException {
		if (!VideoIds.isValid(videoId)) {
			throw new IllegalArgumentException("Not a video id: " + videoId);
		}
		String key = this.prefix + videoId;
		try {
			String sourceKey = this.prefix + VideoLayout.source(new VideoId(videoId));
			int removed = exists(key) ? 1 : 0;
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(key));
			removed += exists(sourceKey) ? 1 : 0;
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(sourceKey));
			removed += deletePrefix(this.prefix + VideoLayout.hlsRoot(new VideoId(videoId)) + "/");
			for (MultipartUpload upload : this.s3
				.listMultipartUploads((request) -> request.bucket(this.bucket).prefix(key))
				.uploads()) {
				if (key.equals(upload.key()) || sourceKey.equals(upload.key())) {
					this.s3.abortMultipartUpload(
							(request) -> request.bucket(this.bucket).key(upload.key()).uploadId(upload.uploadId()));
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

	/**
	 * Every object under a key prefix (every ladder), a listing page at a time; one
	 * DELETE each, as S3-compatible stores do not all take the checksums of a batch
	 * delete.
	 */
	private int deletePrefix(String keyPrefix) {
		int removed = 0;
		for (ListObjectsV2Response page : this.s3
			.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(keyPrefix))) {
			for (S3Object object : page.contents()) {
				// a file-system backed store lists its directories too, gone with their
				// files
				if (!object.key().endsWith("/")) {
					this.s3.deleteObject((request) -> request.bucket(this.bucket).key(object.key()));
					removed++;
				}
			}
		}
		return removed;
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
