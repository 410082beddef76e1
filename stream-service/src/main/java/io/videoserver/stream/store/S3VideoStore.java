package io.videoserver.stream.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.VideoLayout;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The videos as objects of an S3-compatible bucket that every replica sees: playback maps
 * each range onto a ranged GET of exactly the version it opened, uploads are published in
 * one {@code PUT} or one multipart upload, which S3 makes visible at once and completely,
 * or not at all.
 */
final class S3VideoStore implements VideoStore, AutoCloseable {

	private final S3Client s3;

	private final @Nullable S3Presigner presigner;

	private final String bucket;

	private final String prefix;

	private final Path staging;

	private final MultipartPublisher publisher;

	private final Duration redirectTtl;

	S3VideoStore(S3Client s3, @Nullable S3Presigner presigner, S3Location location, Path staging, long partSize,
			Duration redirectTtl) {
		this.s3 = s3;
		this.presigner = presigner;
		this.bucket = location.bucket();
		this.prefix = location.prefix();
		this.staging = staging.toAbsolutePath().normalize();
		this.publisher = new MultipartPublisher(s3, this.bucket, partSize);
		this.redirectTtl = redirectTtl;
	}

	@Override
	public VideoSource open(VideoId vid) throws IOException {
		return open(key(VideoLayout.video(vid)), "Video not found");
	}

	@Override
	public VideoSource openLadderFile(VideoId vid, String version, String file) throws IOException {
		return open(key(VideoLayout.hlsFile(vid, version, file)), "No such file in the video's ladders");
	}

	private VideoSource open(String key, String missing) throws IOException {
		try {
			HeadObjectResponse head = this.s3.headObject((request) -> request.bucket(this.bucket).key(key));
			return new S3VideoVersion(this.s3, this.bucket, key, head.contentLength(), quoted(head.eTag()),
					head.lastModified().toEpochMilli());
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				throw new ApiException(ErrorCode.NOT_FOUND, missing);
			}
			throw failed("S3 HEAD of " + key, ex);
		}
		catch (SdkException ex) {
			throw failed("S3 HEAD of " + key, ex);
		}
	}

	@Override
	public void publish(VideoId vid, Path complete) throws IOException {
		publish(key(VideoLayout.video(vid)), complete, MultipartPublisher.VIDEO_MP4);
	}

	@Override
	public void publishSource(VideoId vid, Path complete) throws IOException {
		publish(key(VideoLayout.source(vid)), complete, MultipartPublisher.OCTET_STREAM);
	}

	private void publish(String key, Path complete, String contentType) throws IOException {
		try {
			this.publisher.publish(key, complete, contentType);
		}
		finally {
			Files.deleteIfExists(complete);
		}
	}

	/** 503/012 for a bucket that is down or failing, an IOException (500) otherwise. */
	static IOException failed(String what, SdkException ex) {
		if (StoreUnavailable.isUnavailable(ex)) {
			throw StoreUnavailable.of(what, ex);
		}
		return new IOException(what + " failed", ex);
	}

	@Override
	public void delete(VideoId vid) throws IOException {
		delete(key(VideoLayout.video(vid)));
	}

	@Override
	public void deleteSource(VideoId vid) throws IOException {
		delete(key(VideoLayout.source(vid)));
	}

	private void delete(String key) throws IOException {
		try {
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (S3Exception ex) {
			// S3 answers 204 for a missing key; other stores may answer 404
			if (ex.statusCode() != 404) {
				throw new IOException("S3 DELETE of " + key + " failed", ex);
			}
		}
		catch (SdkException ex) {
			throw new IOException("S3 DELETE of " + key + " failed", ex);
		}
	}

	@Override
	public Path staging() {
		return this.staging;
	}

	@Override
	public Optional<URI> directUri(VideoId vid) {
		if (this.presigner == null) {
			return Optional.empty();
		}
		String key = key(VideoLayout.video(vid));
		try {
			return Optional.of(
					this.presigner
						.presignGetObject((presign) -> presign.signatureDuration(this.redirectTtl)
							.getObjectRequest((request) -> request.bucket(this.bucket).key(key)))
						.url()
						.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("The presigned address is not a URI", ex);
		}
	}

	@Override
	public void close() {
		this.s3.close();
		if (this.presigner != null) {
			this.presigner.close();
		}
	}

	/** The key of a name of the layout. */
	private String key(String name) {
		return this.prefix + name;
	}

	private static String quoted(@Nullable String etag) {
		if (etag == null || etag.isEmpty()) {
			throw new IllegalStateException("The S3 store answered without an ETag");
		}
		return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
	}

}
