package io.videoserver.stream.upload;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.StreamProperties;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each user's videos within their storage quota ({@code users.quota_bytes}, or the
 * configured default), counting the uploads in progress: every upload reserves the space
 * it declares before any data is read and grows its reservation as undeclared bytes
 * arrive, in the database under a lock on the user, so that parallel uploads on any
 * replica cannot exceed the quota together.
 */
@Component
public class UploadQuota {

	/** How far beyond the bytes received an undeclared body's reservation grows. */
	static final long GROWTH_STEP = 4 * 1024 * 1024;

	private final QuotaRepository storage;

	private final TransactionTemplate transactions;

	private final long maxSize;

	private final long defaultQuota;

	private final LeaseHeartbeat heartbeat;

	UploadQuota(QuotaRepository storage, PlatformTransactionManager transactionManager, StreamProperties properties,
			LeaseHeartbeat heartbeat) {
		this.storage = storage;
		this.heartbeat = heartbeat;
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
	void requireRoom(String vid, long declaredBytes) {
		long remaining = this.storage.storage(vid, "", this.defaultQuota)
			.orElseThrow(UploadQuota::videoGone)
			.remaining();
		if (declaredBytes > remaining) {
			throw noRoom(declaredBytes, remaining);
		}
	}

	/**
	 * Reserves a form or raw upload's declared size before any data is read, held while
	 * the upload runs.
	 * @param declaredBytes the size the client announced, within the size limit; 0 when
	 * it announced none
	 * @throws ApiException 413/008 over the space left, 404/006 when the video is gone
	 */
	Reservation open(String vid, long declaredBytes) {
		String id = UUID.randomUUID().toString().replace("-", "");
		reserve(id, vid, declaredBytes, this.heartbeat.ttl());
		return new Reservation(this, id, vid, declaredBytes,
				this.heartbeat.keep(() -> renew(id, this.heartbeat.ttl())));
	}

	/**
	 * Grows a running upload's reservation to cover a body of {@code size} bytes, and a
	 * step beyond it where the quota has room, so that the database is asked once per
	 * step, not once per buffer.
	 * @param size what the body has, within the size limit
	 * @return the bytes now reserved
	 * @throws ApiException 413/008 when the body no longer fits
	 */
	long grow(String id, String vid, long size) {
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			QuotaRepository.Storage locked = this.storage.lockStorage(vid, id, this.defaultQuota)
				.orElseThrow(UploadQuota::videoGone);
			if (size > locked.remaining()) {
				throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
						"The video is larger than the " + locked.remaining() + " bytes left in your storage quota");
			}
			long granted = Math.min(Math.min(size + GROWTH_STEP, this.maxSize), locked.remaining());
			this.storage.reserve(id, locked.userId(), vid, granted, micros(this.heartbeat.ttl()));
			return granted;
		}));
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

	/**
	 * Extends a reservation's hold from now, or makes it again when it is gone (it
	 * expired, or a sweep removed it).
	 * @throws ApiException 413/008 when it must be made again and does not fit
	 */
	public void hold(String id, String vid, long bytes, Duration hold) {
		if (!this.storage.renew(id, micros(hold))) {
			reserve(id, vid, bytes, hold);
		}
	}

	/**
	 * Takes the author's lock in the caller's transaction before it records an upload:
	 * the record and the reservations of one user then come one after the other on every
	 * replica (without it, two parallel completions deadlocked in InnoDB).
	 */
	void lockAuthor(String vid) {
		this.storage.lockAuthor(vid, this.defaultQuota);
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
