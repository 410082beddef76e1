package io.videoserver.stream.upload;

/**
 * The space a running form or raw upload holds in its user's quota: what it declared,
 * grown as undeclared bytes arrive, renewed by the heartbeat while the upload runs and
 * given back when it ends (or, should the process die, expiring with its hold).
 */
final class Reservation implements AutoCloseable {

	private final UploadQuota quota;

	private final String id;

	private final String vid;

	private final LeaseHeartbeat.Registration renewal;

	private long granted;

	Reservation(UploadQuota quota, String id, String vid, long granted, LeaseHeartbeat.Registration renewal) {
		this.quota = quota;
		this.id = id;
		this.vid = vid;
		this.granted = granted;
		this.renewal = renewal;
	}

	String id() {
		return this.id;
	}

	/**
	 * Makes sure the reservation covers a body of this size, growing it when needed.
	 * @throws io.videoserver.shared.ApiException 413/008 when the quota has no room left
	 */
	void cover(long size) {
		if (size > this.granted) {
			this.granted = this.quota.grow(this.id, this.vid, size);
		}
	}

	@Override
	public void close() {
		this.renewal.close();
		this.quota.release(this.id);
	}

}
