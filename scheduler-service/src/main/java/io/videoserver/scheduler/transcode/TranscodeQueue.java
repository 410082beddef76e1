package io.videoserver.scheduler.transcode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One replica's view of {@code video_transcode}: a claim takes one due row under this
 * replica's lease; every later write names the claim's generation (and, for the lease's
 * own writes, its owner), so a worker whose row was queued afresh by a newer upload, or
 * taken over after its lease lapsed, changes nothing.
 */
public class TranscodeQueue {

	private static final int MAX_ERROR_LENGTH = 512;

	private static final int CLAIM_TIMEOUT_SECONDS = 10;

	private static final RowMapper<Claim> CLAIM = (rs, row) -> new Claim(rs.getString("video_id"),
			rs.getInt("generation"), Source.of(rs.getString("source")), rs.getInt("attempts"));

	private final JdbcClient jdbc;

	private final TransactionTemplate claimTransaction;

	private final String owner;

	public TranscodeQueue(JdbcClient jdbc, PlatformTransactionManager transactions, String owner) {
		this.jdbc = jdbc;
		this.owner = owner;
		// READ COMMITTED takes no gap locks that could block an upload's enqueue
		this.claimTransaction = new TransactionTemplate(transactions);
		this.claimTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.claimTransaction.setTimeout(CLAIM_TIMEOUT_SECONDS);
	}

	public String owner() {
		return this.owner;
	}

	/**
	 * Leases one due row: queued, or running under a lease that lapsed (its transcoder
	 * died), skipping rows another claim has locked.
	 * @param lease how long the row is this replica's unless renewed
	 * @return the claimed row, or empty when none is due
	 */
	Optional<Claim> claim(Duration lease) {
		return Optional.ofNullable(this.claimTransaction.execute((status) -> lockAndLease(lease)));
	}

	private @Nullable Claim lockAndLease(Duration lease) {
		Optional<Claim> due = this.jdbc.sql("""
				SELECT video_id, generation, source, attempts FROM video_transcode
				WHERE parked = FALSE AND next_attempt_at <= NOW(3)
				  AND (state = 'queued' OR (state = 'running' AND (lease_until IS NULL OR lease_until < NOW(3))))
				ORDER BY next_attempt_at
				LIMIT 1
				FOR UPDATE SKIP LOCKED
				""").query(CLAIM).optional();
		if (due.isEmpty()) {
			return null;
		}
		Claim claim = due.get();
		this.jdbc.sql("""
				UPDATE video_transcode
				SET state = 'running', progress = 0, lease_owner = :owner,
				    lease_until = DATE_ADD(NOW(3), INTERVAL :micros MICROSECOND)
				WHERE video_id = :id AND generation = :generation
				""")
			.param("owner", this.owner)
			.param("micros", micros(lease))
			.param("id", claim.videoId())
			.param("generation", claim.generation())
			.update();
		return claim;
	}

	/**
	 * Whether the row is still this job's (a plain read, no lock): checked before the job
	 * publishes outside any transaction.
	 */
	boolean isCurrent(Claim claim) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM video_transcode
				WHERE video_id = :id AND generation = :generation AND lease_owner = :owner AND state = 'running'
				""").params(key(claim)).query(Long.class).single() == 1;
	}

	/** Whether the video is still there (not deleted). */
	boolean videoExists(String videoId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_info WHERE id = :id")
			.param("id", videoId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Extends the lease.
	 * @return false when the row is no longer this job's (re-queued, taken over, gone)
	 */
	boolean renew(Claim claim, Duration lease) {
		return this.jdbc.sql("""
				UPDATE video_transcode SET lease_until = DATE_ADD(NOW(3), INTERVAL :micros MICROSECOND)
				WHERE video_id = :id AND generation = :generation AND lease_owner = :owner AND state = 'running'
				""").param("micros", micros(lease)).params(key(claim)).update() == 1;
	}

	/**
	 * Records how far the job is, and extends the lease with it.
	 * @return false when the row is no longer this job's
	 */
	boolean progress(Claim claim, int percent, Duration lease) {
		return this.jdbc.sql("""
				UPDATE video_transcode
				SET progress = :percent, lease_until = DATE_ADD(NOW(3), INTERVAL :micros MICROSECOND)
				WHERE video_id = :id AND generation = :generation AND lease_owner = :owner AND state = 'running'
				""")
			.param("percent", Math.max(0, Math.min(100, percent)))
			.param("micros", micros(lease))
			.params(key(claim))
			.update() == 1;
	}

	/**
	 * The published ladder the claim's generation replaces, locking the row until the
	 * caller's transaction ends; call it inside the transaction that records the result.
	 * @return empty when the generation moved on, the row is gone or another worker of
	 * the generation recorded first: the result must not be recorded
	 */
	Optional<Held> lockForResult(Claim claim) {
		return this.jdbc.sql("""
				SELECT hls_version FROM video_transcode
				WHERE video_id = :id AND generation = :generation AND state = 'running'
				FOR UPDATE
				""")
			.param("id", claim.videoId())
			.param("generation", claim.generation())
			.query((rs, row) -> new Held(rs.getString("hls_version")))
			.optional();
	}

	/**
	 * Records the published ladder: the row is ready, its lease cleared.
	 * @return whether this result won (the row still had the claim's generation and no
	 * other worker had recorded it)
	 */
	boolean succeeded(Claim claim, String version, String renditions) {
		return this.jdbc.sql("""
				UPDATE video_transcode
				SET state = 'ready', progress = 100, hls_version = :version, renditions = :renditions,
				    last_error = NULL, lease_owner = NULL, lease_until = NULL
				WHERE video_id = :id AND generation = :generation AND state = 'running'
				""")
			.param("version", version)
			.param("renditions", renditions)
			.param("id", claim.videoId())
			.param("generation", claim.generation())
			.update() == 1;
	}

	/**
	 * Records a failed attempt: queued again after {@code delay}, or parked (state
	 * failed) for good.
	 * @return false when the row is no longer this job's
	 */
	boolean failed(Claim claim, String reason, boolean park, Duration delay) {
		return this.jdbc.sql("""
				UPDATE video_transcode
				SET state = :state, parked = :park, attempts = :attempts, last_error = :error, progress = 0,
				    lease_owner = NULL, lease_until = NULL,
				    next_attempt_at = DATE_ADD(NOW(3), INTERVAL :micros MICROSECOND)
				WHERE video_id = :id AND generation = :generation AND lease_owner = :owner AND state = 'running'
				""")
			.param("state", park ? "failed" : "queued")
			.param("park", park)
			.param("attempts", claim.attempts() + 1)
			.param("error", truncate(reason))
			.param("micros", park ? 0 : micros(delay))
			.params(key(claim))
			.update() == 1;
	}

	/**
	 * Gives the row back unworked (shutdown), so that any replica may claim it at once.
	 */
	boolean release(Claim claim) {
		return this.jdbc.sql("""
				UPDATE video_transcode SET state = 'queued', progress = 0, lease_owner = NULL, lease_until = NULL
				WHERE video_id = :id AND generation = :generation AND lease_owner = :owner AND state = 'running'
				""").params(key(claim)).update() == 1;
	}

	/**
	 * Counts the whole queue (every replica's rows): one scan of a table with a row per
	 * video.
	 */
	TranscodeCounts counts() {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(parked = FALSE AND state = 'queued'), 0) AS queued,
				       COALESCE(SUM(parked = FALSE AND state = 'running'), 0) AS running,
				       COALESCE(SUM(parked = TRUE), 0) AS parked
				FROM video_transcode
				""")
			.query((rs, row) -> new TranscodeCounts(rs.getLong("queued"), rs.getLong("running"), rs.getLong("parked")))
			.single();
	}

	/**
	 * A row locked for recording a result.
	 *
	 * @param previousVersion the ladder published before, which the result replaces
	 */
	record Held(@Nullable String previousVersion) {
	}

	private Map<String, Object> key(Claim claim) {
		return Map.of("id", claim.videoId(), "generation", claim.generation(), "owner", this.owner);
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1000;
	}

	private static String truncate(String error) {
		return (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
	}

}
