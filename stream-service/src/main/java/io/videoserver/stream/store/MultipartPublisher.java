package io.videoserver.stream.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
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
				String md5 = md5(file, 0, size);
				this.s3.putObject(
						(request) -> request.bucket(this.bucket).key(key).contentType(contentType).contentMD5(md5),
						RequestBody.fromFile(file));
			}
			else {
				multipart(key, file, size, contentType);
			}
			requireWhole(key, size);
		}
		catch (SdkException ex) {
			// 503/012 when the bucket is down or failing: the upload is not recorded, a
			// resumable one stays resumable
			throw S3VideoStore.failed("Storing " + key + " in S3", ex);
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
			long length) throws IOException {
		RequestBody body = RequestBody.fromContentProvider(() -> new FileRangeInputStream(channel, first, length),
				length, VIDEO_MP4);
		String md5 = md5(new FileRangeInputStream(channel, first, length));
		String etag = this.s3
			.uploadPart((request) -> request.bucket(this.bucket)
				.key(key)
				.uploadId(uploadId)
				.partNumber(number)
				.contentLength(length)
				.contentMD5(md5), body)
			.eTag();
		return CompletedPart.builder().partNumber(number).eTag(etag).build();
	}

	/**
	 * The stored object is the whole file: every PUT carried its bytes' MD5
	 * ({@code Content-MD5}, so a body cut or changed on the way is refused by the store),
	 * and the object the store now holds has the file's size. An upload is recorded only
	 * after this, so a truncated or failed PUT leaves it failed or resumable, never
	 * recorded.
	 */
	private void requireWhole(String key, long size) throws IOException {
		long stored = this.s3.headObject((request) -> request.bucket(this.bucket).key(key)).contentLength();
		if (stored != size) {
			throw new IOException("S3 holds " + stored + " bytes for " + key + " after storing " + size);
		}
	}

	private static String md5(Path file, long first, long length) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			return md5(new FileRangeInputStream(channel, first, length));
		}
	}

	private static String md5(InputStream in) throws IOException {
		try (in) {
			MessageDigest digest = MessageDigest.getInstance("MD5");
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
			return Base64.getEncoder().encodeToString(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has MD5", ex);
		}
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
