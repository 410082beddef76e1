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
import io.videoserver.shared.VideoId;
import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.upload.DiskSpace;
import io.videoserver.stream.upload.UploadAdmission;
import io.videoserver.stream.upload.UploadAuthorizer;
import io.videoserver.stream.upload.UploadMetrics;
import io.videoserver.stream.upload.UploadQuota;
import io.videoserver.stream.upload.VideoUploads;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The rules of a resumable upload: who may create and continue it, one writer at a time,
 * chunks only at the current offset, and the upload's completion, as every upload's, once
 * the last byte is in.
 */
@Component
class TusUploads {

	private final TusUploadFiles files;

	private final UploadAdmission admission;

	private final UploadAuthorizer authorizer;

	private final VideoUploads uploads;

	private final TusLocks locks;

	private final UploadQuota quota;

	private final UploadMetrics metrics;

	private final Duration expireAfter;

	private final DiskSpace space;

	TusUploads(TusUploadFiles files, TusLocks locks, UploadAdmission admission, UploadAuthorizer authorizer,
			VideoUploads uploads, UploadQuota quota, UploadMetrics metrics, StreamProperties properties,
			DiskSpace space) {
		this.space = space;
		this.expireAfter = properties.upload().expireAfter();
		this.metrics = metrics;
		this.files = files;
		this.locks = locks;
		this.admission = admission;
		this.authorizer = authorizer;
		this.uploads = uploads;
		this.quota = quota;
	}

	long maxSize() {
		return this.admission.maxSize();
	}

	/**
	 * Creates an upload for a video of the caller's, after every check that needs no byte
	 * of the file.
	 */
	TusUpload create(HttpServletRequest request, VideoId vid, long length, @Nullable String metadata)
			throws IOException {
		String owner = this.admission.requireOwner(request, vid);
		this.admission.requireRoom(vid.value(), length);
		this.space.requireRoom(length);
		TusUpload upload = this.files.create(vid.value(), owner, length, metadata);
		try {
			this.quota.reserve(upload.id(), vid.value(), length, this.expireAfter);
		}
		catch (RuntimeException ex) {
			this.files.delete(upload.id());
			throw ex;
		}
		return upload;
	}

	/**
	 * The upload, for the user who created it while the video is still theirs.
	 * @throws ApiException 401/002, 404/006 for an unknown or expired upload, 403/007
	 */
	TusUpload authorized(HttpServletRequest request, String id) throws IOException {
		if (!TusUploadFiles.isId(id)) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Invalid upload id");
		}
		String user = this.authorizer.requireUser(request);
		TusUpload upload = this.files.find(id)
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Upload not found or expired"));
		if (!user.equals(upload.owner())) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the user who started the upload may continue it");
		}
		try {
			this.authorizer.requireOwnedBy(user, upload.vid());
		}
		catch (ApiException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND) {
				// the video was deleted: its upload can
				// never complete, so its bytes go now
				remove(upload);
			}
			throw ex;
		}
		return upload;
	}

	/**
	 * Appends a chunk at {@code offset} and completes the upload when it was the last.
	 * @return the new offset
	 */
	long append(TusUpload upload, long offset, InputStream body, long contentLength, @Nullable UploadChecksum checksum)
			throws IOException {
		try (TusLocks.Lock lock = this.locks.acquire(upload)) {
			long current = this.files.offset(upload);
			if (offset != current || this.files.isCompleted(upload)) {
				throw new ApiException(ErrorCode.ALREADY_EXISTS,
						"Upload-Offset " + offset + " does not match the upload's offset " + current);
			}
			if (contentLength > upload.length() - offset) {
				throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The chunk goes beyond the upload's length");
			}
			this.files.rewind(upload, offset);
			this.space.requireRoom(contentLength);
			this.quota.hold(upload.id(), upload.vid(), upload.length(), this.expireAfter);
			long next = write(upload, offset, body, checksum);
			this.metrics.received(next - offset);
			if (offset < UploadAdmission.VIDEO_HEAD && next >= UploadAdmission.VIDEO_HEAD) {
				requireVideoStart(upload);
			}
			if (next == upload.length()) {
				lock.confirm();
				complete(upload);
			}
			return next;
		}
	}

	private long write(TusUpload upload, long offset, InputStream body, @Nullable UploadChecksum checksum)
			throws IOException {
		try {
			long next = ChunkWriter.append(this.files.data(upload), offset, upload.length() - offset, body, checksum);
			if (this.files.exists(upload)) {
				return next;
			}
		}
		catch (NoSuchFileException ex) {
			// terminated before the chunk began
		}
		throw new ApiException(ErrorCode.NOT_FOUND, "The upload was terminated");
	}

	/**
	 * The offset a client resumes from. HEAD never completes (it holds no permit of the
	 * connection limiter): an upload whose last byte is in but whose video is not
	 * published answers one byte less, and the PATCH that resends that byte completes it.
	 */
	long offset(TusUpload upload) throws IOException {
		return this.files.offset(upload);
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
		this.files.delete(upload.id());
		this.quota.release(upload.id());
	}

	/**
	 * Completes the received upload as every upload completes (checked, admitted,
	 * published, recorded). A refusal (not a video, over the quota, the video deleted)
	 * removes it; any other failure (disk, database, store, 503/012 included) leaves its
	 * bytes, so that its offset is one byte short and the client's retry of that byte
	 * completes it.
	 */
	private void complete(TusUpload upload) throws IOException {
		try {
			this.uploads.complete(new VideoId(upload.vid()), this.files.data(upload), upload.id(), this.expireAfter);
		}
		catch (ApiException ex) {
			// 503/012 (the bucket down or failing) is a failure to retry, not a refusal
			if (ex.code() != ErrorCode.UNAVAILABLE) {
				remove(upload);
			}
			throw ex;
		}
		this.files.completed(upload);
	}

	private void requireVideoStart(TusUpload upload) throws IOException {
		ByteBuffer head = ByteBuffer.allocate(UploadAdmission.VIDEO_HEAD);
		try (FileChannel in = FileChannel.open(this.files.data(upload), StandardOpenOption.READ)) {
			in.read(head, 0);
		}
		try {
			UploadAdmission.requireVideoHead(head.array(), head.position());
		}
		catch (ApiException ex) {
			remove(upload);
			throw ex;
		}
	}

}
