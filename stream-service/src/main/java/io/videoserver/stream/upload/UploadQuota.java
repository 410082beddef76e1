package io.videoserver.stream.upload;

import java.time.Duration;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.StreamProperties;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each user's videos within their storage quota ({@code users.quota_bytes}, or the
 * configured default): a declared size is refused before any data is read, a body is cut
 * where the quota ends, and the space an upload needs is reserved in the database under a
 * lock on the user, so that parallel uploads on any replica cannot exceed it together.
 */
@Component
public class UploadQuota {

	private final QuotaRepository storage;

	private final TransactionTemplate transactions;

	private final long maxSize;

	private final long defaultQuota;

	UploadQuota(QuotaRepository storage, PlatformTransactionManager transactionManager, StreamProperties properties) {
		this.storage = storage;
		this.transactions = new TransactionTemplate(transactionManager);
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
		long remaining = this.storage.storage(vid, "", this.defaultQuota)
			.orElseThrow(UploadQuota::videoGone)
			.remaining();
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
	 * Reserves space for an upload of a video, replacing what the same reservation held:
	 * in a transaction of its own that locks the author's row, so that the decisions of
	 * all replicas about one user's uploads come one after the other.
	 * @param id the reservation, unique per upload
	 * @param bytes what the upload needs in all
	 * @param hold how long the reservation lasts unless it is renewed
	 * @throws ApiException 413/008 naming the space left, 404/006 when the video is gone
	 */
	public void reserve(String id, String vid, long bytes, Duration hold) {
		this.transactions.executeWithoutResult((status) -> {
			QuotaRepository.Storage locked = this.storage.lockStorage(vid, id, this.defaultQuota)
				.orElseThrow(UploadQuota::videoGone);
			if (bytes > locked.remaining()) {
				throw noRoom(bytes, locked.remaining());
			}
			this.storage.reserve(id, locked.userId(), vid, bytes, micros(hold));
		});
	}

	/** Extends a reservation's hold from now; one that is gone stays gone. */
	public void renew(String id, Duration hold) {
		this.storage.renew(id, micros(hold));
	}

	/** Gives a reservation's space back; one that is gone is no error. */
	public void release(String id) {
		this.storage.release(id);
	}

	/** Removes the reservations that crashed processes and abandoned uploads left. */
	public int removeExpired() {
		return this.storage.removeExpired();
	}

	private static long micros(Duration hold) {
		return hold.toNanos() / 1000;
	}

	private static ApiException noRoom(long bytes, long remaining) {
		return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
				"The video (" + bytes + " bytes) does not fit in your storage quota: " + remaining + " bytes left");
	}

	private static ApiException videoGone() {
		return new ApiException(ErrorCode.NOT_FOUND, "The video was deleted during the upload");
	}

}
