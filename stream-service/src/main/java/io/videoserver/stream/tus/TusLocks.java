package io.videoserver.stream.tus;

import java.util.UUID;

import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.upload.LeaseHeartbeat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One request at a time works on an upload (writes or completes it), on whichever replica
 * it arrives: the writer holds a lease in the database ({@code upload_lease}), renewed
 * while it works, and the others are refused at once with 423, which tus clients retry,
 * instead of waiting. The lease of a writer whose process died expires after the
 * heartbeat's time to live and is then taken over.
 */
@Component
class TusLocks {

	private final JdbcClient jdbc;

	private final LeaseHeartbeat heartbeat;

	TusLocks(JdbcClient jdbc, LeaseHeartbeat heartbeat) {
		this.jdbc = jdbc;
		this.heartbeat = heartbeat;
	}

	/**
	 * @throws TusException 423 while another request, here or on another replica, holds
	 * the upload's lease
	 */
	Lock acquire(TusUpload upload) {
		String holder = UUID.randomUUID().toString().replace("-", "");
		this.jdbc.sql("DELETE FROM upload_lease WHERE upload_id = :id AND expires_at < NOW(3)")
			.param("id", upload.id())
			.update();
		int taken = this.jdbc.sql("""
				INSERT IGNORE INTO upload_lease (upload_id, holder, expires_at)
				VALUES (:id, :holder, NOW(3) + INTERVAL :ttl MICROSECOND)""")
			.param("id", upload.id())
			.param("holder", holder)
			.param("ttl", this.heartbeat.ttlMicros())
			.update();
		if (taken == 0) {
			throw new TusException(TusException.LOCKED, ErrorCode.ALREADY_EXISTS,
					"Another request is writing this upload, try again shortly");
		}
		LeaseHeartbeat.Registration renewal = this.heartbeat.keep(() -> renew(upload.id(), holder));
		return new Lock() {

			@Override
			public void confirm() {
				if (!renew(upload.id(), holder)) {
					throw lost();
				}
			}

			@Override
			public void close() {
				renewal.close();
				TusLocks.this.jdbc.sql("DELETE FROM upload_lease WHERE upload_id = :id AND holder = :holder")
					.param("id", upload.id())
					.param("holder", holder)
					.update();
			}

		};
	}

	/** Removes the leases that crashed writers left behind. */
	int removeExpired() {
		return this.jdbc.sql("DELETE FROM upload_lease WHERE expires_at < NOW(3)").update();
	}

	private boolean renew(String id, String holder) {
		return this.jdbc.sql("""
				UPDATE upload_lease SET expires_at = NOW(3) + INTERVAL :ttl MICROSECOND
				WHERE upload_id = :id AND holder = :holder""")
			.param("ttl", this.heartbeat.ttlMicros())
			.param("id", id)
			.param("holder", holder)
			.update() > 0;
	}

	private static TusException lost() {
		return new TusException(TusException.LOCKED, ErrorCode.ALREADY_EXISTS,
				"This request lost its hold on the upload to another writer, try again shortly");
	}

	/** Held while one request works on an upload. */
	interface Lock extends AutoCloseable {

		/**
		 * Renews the lease now and makes sure it is still this request's (it lapses when
		 * the database was out of reach for longer than its time to live, and another
		 * writer may then have taken it).
		 * @throws TusException 423 when it was lost
		 */
		void confirm();

		@Override
		void close();

	}

}
