package io.videoserver.stream.upload;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.StreamProperties;

import org.springframework.stereotype.Component;

/**
 * Keeps each user's videos within their storage quota ({@code users.quota_bytes}, or the
 * configured default): a declared size is refused before any data is read, a body is cut
 * where the quota ends, and a complete upload is checked once more under a lock on the
 * user so that parallel uploads cannot exceed it together.
 */
@Component
public class UploadQuota {

	private final QuotaRepository storage;

	private final long maxSize;

	private final long defaultQuota;

	UploadQuota(QuotaRepository storage, StreamProperties properties) {
		this.storage = storage;
		this.maxSize = properties.upload().maxSize().toBytes();
		this.defaultQuota = properties.upload().userQuota().toBytes();
	}

	/**
	 * Refuses a video of a declared size that does not fit, before any data is read.
	 * @param vid an existing video's id
	 * @param declaredBytes the size the client announced, 0 when it announced none
	 * @throws ApiException 413/008 naming the space left, 404/006 when the video is gone
	 */
	public void requireRoom(String vid, long declaredBytes) {
		admit(vid, declaredBytes);
	}

	/**
	 * Refuses a declared size that does not fit, and says how much the body may bring.
	 */
	UploadLimit admit(String vid, long declaredBytes) {
		long remaining = storage(vid).remaining();
		UploadLimit sizeLimit = new UploadLimit(this.maxSize, "The video is larger than " + this.maxSize + " bytes");
		if (declaredBytes > this.maxSize) {
			throw sizeLimit.exceeded();
		}
		if (declaredBytes > remaining) {
			throw noRoom(declaredBytes, remaining);
		}
		return (remaining >= this.maxSize) ? sizeLimit : new UploadLimit(remaining,
				"The video is larger than the " + remaining + " bytes left in your storage quota");
	}

	/**
	 * Checks a complete upload, locking its author's row until the caller's transaction
	 * ends: the caller publishes within that transaction.
	 */
	void requireRoomLocked(String vid, long bytes) {
		QuotaRepository.Storage locked = this.storage.lockStorage(vid, this.defaultQuota)
			.orElseThrow(UploadQuota::videoGone);
		if (bytes > locked.remaining()) {
			throw noRoom(bytes, locked.remaining());
		}
	}

	private QuotaRepository.Storage storage(String vid) {
		return this.storage.storage(vid, this.defaultQuota).orElseThrow(UploadQuota::videoGone);
	}

	private static ApiException noRoom(long bytes, long remaining) {
		return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
				"The video (" + bytes + " bytes) does not fit in your storage quota: " + remaining + " bytes left");
	}

	private static ApiException videoGone() {
		return new ApiException(ErrorCode.NOT_FOUND, "The video was deleted during the upload");
	}

}
