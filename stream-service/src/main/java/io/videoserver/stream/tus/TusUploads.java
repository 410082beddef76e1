package io.videoserver.stream.tus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.upload.UploadAuthorizer;
import io.videoserver.stream.upload.UploadMetrics;
import io.videoserver.stream.upload.UploadPublisher;
import io.videoserver.stream.upload.UploadQuota;
import io.videoserver.stream.upload.UploadStore;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The rules of a resumable upload: who may create and continue it, one writer at a time,
 * chunks only at the current offset, and publication of the video once the last byte is
 * in.
 */
@Component
class TusUploads {

	/** An MP4 starts with a box whose type, at offset 4, is {@code ftyp}. */
	private static final int SNIFF = 8;

	private final TusStore store;

	private final UploadAuthorizer authorizer;

	private final UploadPublisher publisher;

	private final long maxSize;

	private final TusLocks locks;

	private final UploadQuota quota;

	private final UploadMetrics metrics;

	private final Duration expireAfter;

	TusUploads(TusStore store, TusLocks locks, UploadAuthorizer authorizer, UploadPublisher publisher,
			UploadStore uploads, UploadQuota quota, UploadMetrics metrics, StreamProperties properties) {
		this.expireAfter = properties.upload().expireAfter();
		this.metrics = metrics;
		this.store = store;
		this.locks = locks;
		this.authorizer = authorizer;
		this.publisher = publisher;
		this.maxSize = uploads.maxSize();
		this.quota = quota;
	}

	long maxSize() {
		return this.maxSize;
	}

	/**
	 * Creates an upload for a video of the caller's, after every check that needs no byte
	 * of the file.
	 */
	TusUpload create(HttpServletRequest request, String vid, long length, @Nullable String metadata)
			throws IOException {
		String owner = this.authorizer.requireOwner(request, vid);
		checkBeforeAccepting(vid, owner, length);
		TusUpload upload = this.store.create(vid, owner, length, metadata);
		try {
			this.quota.reserve(upload.id(), vid, length, this.expireAfter);
		}
		catch (RuntimeException ex) {
			this.store.delete(upload.id());
			throw ex;
		}
		return upload;
	}

	/**
	 * The checks an upload must pass before it is accepted; any limit on what a user may
	 * store belongs here. The quota is then reserved for the upload's whole length, until
	 * its video is recorded, it is terminated or it expires.
	 */
	private void checkBeforeAccepting(String vid, String owner, long length) {
		if (length > this.maxSize) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The video is larger than " + this.maxSize + " bytes");
		}
		if (length < SNIFF) {
			throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The file is not an MP4 video");
		}
		this.quota.requireRoom(vid, length);
	}

	/**
	 * The upload, for the user who created it while the video is still theirs.
	 * @throws ApiException 401/002, 404/006 for an unknown or expired upload, 403/007
	 */
	TusUpload authorized(HttpServletRequest request, String id) throws IOException {
		if (!TusStore.isId(id)) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Invalid upload id");
		}
		String user = this.authorizer.requireUser(request);
		TusUpload upload = this.store.find(id)
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Upload not found or expired"));
		if (!user.equals(upload.owner())) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the user who started the upload may continue it");
		}
		try {
			this.authorizer.requireOwnedBy(user, upload.vid());
		}
		catch (ApiException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND) {
				// the video was deleted: its upload can never complete, so its bytes go
				// now
				remove(upload);
			}
			throw ex;
		}
		return upload;
	}

	/**
	 * Appends a chunk at {@code offset} and publishes the video when it was the last.
	 * @return the new offset
	 */
	long append(TusUpload upload, long offset, InputStream body, long contentLength, @Nullable UploadChecksum checksum)
			throws IOException {
		try (TusLocks.Lock lock = this.locks.acquire(upload)) {
			long current = this.store.offset(upload);
			if (offset != current || this.store.isPublished(upload)) {
				throw new ApiException(ErrorCode.ALREADY_EXISTS,
						"Upload-Offset " + offset + " does not match the upload's offset " + current);
			}
			if (contentLength > upload.length() - offset) {
				throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The chunk goes beyond the upload's length");
			}
			this.store.rewind(upload, offset);
			this.quota.hold(upload.id(), upload.vid(), upload.length(), this.expireAfter);
			long next = write(upload, offset, body, checksum);
			this.metrics.received(next - offset);
			if (offset < SNIFF && next >= SNIFF) {
				requireMp4Start(upload);
			}
			if (next == upload.length()) {
				lock.confirm();
				publish(upload);
			}
			return next;
		}
	}

	private long write(TusUpload upload, long offset, InputStream body, @Nullable UploadChecksum checksum)
			throws IOException {
		try {
			long next = ChunkWriter.append(this.store.data(upload), offset, upload.length() - offset, body, checksum);
			if (this.store.exists(upload)) {
				return next;
			}
		}
		catch (NoSuchFileException ex) {
			// terminated before the chunk began
		}
		throw new ApiException(ErrorCode.NOT_FOUND, "The upload was terminated");
	}

	/**
	 * The offset a client resumes from. HEAD never publishes (it holds no permit of the
	 * connection limiter): an upload whose last byte is in but whose video is not
	 * published answers one byte less, and the PATCH that resends it publishes.
	 */
	long offset(TusUpload upload) throws IOException {
		return this.store.offset(upload);
	}

	/**
	 * Removes the upload at once, without waiting for a PATCH that may hang on a silent
	 * client until the connection times out; that PATCH then finds its upload gone.
	 */
	void terminate(TusUpload upload) throws IOException {
		remove(upload);
	}

	/** Removes the upload's files and gives its reserved space back. */
	private void remove(TusUpload upload) throws IOException {
		this.store.delete(upload.id());
		this.quota.release(upload.id());
	}

	/**
	 * Publishes the complete upload. A refusal (not an MP4, over the quota, the video
	 * deleted) removes it; any other failure (disk, database, store) leaves its bytes, so
	 * that its offset is one byte short and the client's retry of the last byte publishes
	 * again.
	 */
	private void publish(TusUpload upload) throws IOException {
		try {
			this.publisher.publish(upload.vid(), this.store.data(upload), upload.id(), this.expireAfter);
		}
		catch (ApiException ex) {
			remove(upload);
			throw ex;
		}
		this.store.published(upload);
	}

	private void requireMp4Start(TusUpload upload) throws IOException {
		ByteBuffer head = ByteBuffer.allocate(SNIFF);
		try (FileChannel in = FileChannel.open(this.store.data(upload), StandardOpenOption.READ)) {
			in.read(head, 0);
		}
		if (head.get(4) != 'f' || head.get(5) != 't' || head.get(6) != 'y' || head.get(7) != 'p') {
			remove(upload);
			throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The file is not an MP4 video");
		}
	}

}
