package io.videoserver.stream.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One version of a video's object, as its {@code HEAD} described it: every range is a
 * ranged {@code GET} with {@code If-Match} on that version's ETag, so bytes of a newer
 * upload are never sent under the old validators.
 */
final class S3VideoVersion implements VideoSource {

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final long size;

	private final String etag;

	private final long lastModified;

	S3VideoVersion(S3Client s3, String bucket, String key, long size, String etag, long lastModified) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.size = size;
		this.etag = etag;
		this.lastModified = lastModified;
	}

	@Override
	public InputStream openRange(long first, long length) throws IOException {
		try {
			ResponseInputStream<GetObjectResponse> body = this.s3.getObject((request) -> request.bucket(this.bucket)
				.key(this.key)
				.range("bytes=" + first + "-" + (first + length - 1))
				.ifMatch(this.etag));
			return new ObjectRangeStream(body, length);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 412 || ex.statusCode() == 404) {
				throw new ApiException(ErrorCode.UNAVAILABLE, "Video is being replaced, try again", 1);
			}
			throw S3VideoStore.failed("S3 GET of " + this.key, ex);
		}
		catch (SdkException ex) {
			throw S3VideoStore.failed("S3 GET of " + this.key, ex);
		}
	}

	@Override
	public long size() {
		return this.size;
	}

	@Override
	public String etag() {
		return this.etag;
	}

	@Override
	public long lastModified() {
		return this.lastModified;
	}

	@Override
	public @Nullable FileChannel channel() {
		return null;
	}

	@Override
	public @Nullable Path path() {
		return null;
	}

	@Override
	public void close() {
		// each range's GET is closed by its reader
	}

}
