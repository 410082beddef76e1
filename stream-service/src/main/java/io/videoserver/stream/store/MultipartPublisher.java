package io.videoserver.stream.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a complete local file as an object: one {@code PUT} up to the part size, else a
 * multipart upload read part by part from the file (never the whole file in memory) that
 * is aborted on any failure, so no partial object or orphaned parts remain and the
 * previous version stays in place.
 */
final class MultipartPublisher {

	/** A playable video's type. */
	static final String VIDEO_MP4 = "video/mp4";

	/** An upload kept as it came: any container, for the transcoder only. */
	static final String OCTET_STREAM = "application/octet-stream";

	private final S3Client s3;

	private final String bucket;

	private final long partSize;

	MultipartPublisher(S3Client s3, String bucket, long partSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.partSize = partSize;
	}

	void publish(String key, Path file, String contentType) throws IOException {
		long size = Files.size(file);
		try {
			if (size <= this.partSize) {
				this.s3.putObject((request) -> request.bucket(this.bucket).key(key).contentType(contentType),
						RequestBody.fromFile(file));
			}
			else {
				multipart(key, file, size, contentType);
			}
		}
		catch (SdkException ex) {
			throw new IOException("Storing " + key + " in S3 failed", ex);
		}
	}

	private void multipart(String key, Path file, long size, String contentType) throws IOException {
		String uploadId = this.s3
			.createMultipartUpload((request) -> request.bucket(this.bucket).key(key).contentType(contentType))
			.uploadId();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			List<CompletedPart> parts = new ArrayList<>();
			for (long first = 0; first < size; first += this.partSize) {
				parts.add(uploadPart(key, uploadId, channel, parts.size() + 1, first,
						Math.min(this.partSize, size - first)));
			}
			this.s3.completeMultipartUpload((request) -> request.bucket(this.bucket)
				.key(key)
				.uploadId(uploadId)
				.multipartUpload((upload) -> upload.parts(parts)));
		}
		catch (IOException | RuntimeException ex) {
			abort(key, uploadId, ex);
			throw ex;
		}
	}

	private CompletedPart uploadPart(String key, String uploadId, FileChannel channel, int number, long first,
			long length) {
		RequestBody body = RequestBody.fromContentProvider(() -> new FileRangeInputStream(channel, first, length),
				length, VIDEO_MP4);
		String etag = this.s3
			.uploadPart((request) -> request.bucket(this.bucket)
				.key(key)
				.uploadId(uploadId)
				.partNumber(number)
				.contentLength(length), body)
			.eTag();
		return CompletedPart.builder().partNumber(number).eTag(etag).build();
	}

	private void abort(String key, String uploadId, Exception cause) {
		try {
			this.s3.abortMultipartUpload((request) -> request.bucket(this.bucket).key(key).uploadId(uploadId));
		}
		catch (SdkException ex) {
			// the bucket's lifecycle rule for incomplete uploads is the backstop
			cause.addSuppressed(ex);
		}
	}

}
