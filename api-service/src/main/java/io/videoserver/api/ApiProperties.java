package io.videoserver.api;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The api-service's settings, bound from {@code video.*} (see application.yml for the
 * environment variables of the public contract).
 *
 * @param session how sessions live and how long a replica trusts its cache of them
 * @param rateLimit the per-client token bucket
 * @param login how failed logins are throttled
 * @param upload the stream-service's upload limits, shown in the web UI
 * @param hash how many passwords are hashed at once and how many may wait
 * @param listCache how long a page of a public list is served from memory
 */
@Validated
@ConfigurationProperties("video")
public record ApiProperties(@DefaultValue Session session, @Valid @DefaultValue RateLimit rateLimit,
		@DefaultValue Login login, @DefaultValue Upload upload, @DefaultValue Hash hash,
		@Valid @DefaultValue ListCache listCache) {

	/**
	 * The pages of the public lists kept in memory ({@code web.ListingCache}).
	 *
	 * @param ttl how long a page is served without reading the database again: the bound
	 * on how late a write made on another replica (or an upload's completion) shows in
	 * this replica's lists; a write made here shows at once; {@code 0} reads every page
	 * from the database
	 * @param maxPages how many pages are kept at most
	 */
	public record ListCache(@DefaultValue("1s") Duration ttl, @Positive @DefaultValue("10000") long maxPages) {

		public ListCache {
			if (ttl.isNegative()) {
				throw new IllegalArgumentException("video.list-cache.ttl must not be negative");
			}
		}

	}

	/**
	 * The password-hashing pool: a few threads of its own (about one core), so that a
	 * storm of sign-ups and logins leaves the other cores and the request threads to the
	 * rest of the service. A hash that finds the queue full, or waits longer than the
	 * timeout, answers 503/012 with {@code Retry-After}.
	 *
	 * @param threads hashes computed at once; 0 means half the cores, at least 1
	 * @param queue hashes that may wait for a thread, kept well below the request threads
	 * so that waiting sign-ups never hold them all
	 * @param timeout the longest a request waits for its hash, queued and computed
	 */
	public record Hash(@PositiveOrZero @DefaultValue("0") int threads, @Positive @DefaultValue("16") int queue,
			@DefaultValue("5s") Duration timeout) {

		public Hash {
			if (threads == 0) {
				threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
			}
		}

	}

	/**
	 * The per-client token bucket, set as the stream-service's is.
	 *
	 * @param requestsPerSecond the sustained rate per client; {@code 0} turns it off
	 * @param burst how many requests a client may make at once above the rate; twice the
	 * rate when unset
	 */
	public record RateLimit(@PositiveOrZero @DefaultValue("50") int requestsPerSecond,
			@Nullable @Positive Integer burst) {

		public long capacity() {
			return (this.burst != null) ? this.burst : 2L * this.requestsPerSecond;
		}

	}

	/**
	 * The limits the stream-service enforces on uploads (the same variables), so that
	 * people see them before they upload.
	 *
	 * @param maxSize the largest video file
	 * @param userQuota the storage a user's videos may take, unless
	 * {@code users.quota_bytes} sets the user's own
	 */
	public record Upload(@DefaultValue("1GB") DataSize maxSize, @DefaultValue("10GB") DataSize userQuota) {
	}

	/**
	 * Brute-force protection, per replica: failed logins allowed within a window, beyond
	 * which logins answer 429/010 until the allowance refills. The owner of an account is
	 * only stopped by their own address's failures, unless guesses from many addresses
	 * reach the account's much higher ceiling.
	 *
	 * @param maxFailuresPerAccountAndClient failures of one account from one address
	 * @param maxFailuresPerClient failures from one address, for any accounts
	 * @param maxFailuresPerAccount failures of one account from all addresses together
	 * @param window the time in which the allowance refills
	 */
	public record Login(@DefaultValue("10") @Positive int maxFailuresPerAccountAndClient,
			@DefaultValue("30") @Positive int maxFailuresPerClient,
			@DefaultValue("100") @Positive int maxFailuresPerAccount, @DefaultValue("10m") Duration window) {
	}

	/**
	 * Session lifetime (sliding) and cache behaviour.
	 *
	 * @param ttl the lifetime; a request in the second half of it renews it
	 * @param cacheTtl how long a replica trusts a cached valid session before asking the
	 * database again: the bound on how late a logout on another replica is honoured
	 * @param cleanupInterval time between sweeps of expired session rows
	 */
	public record Session(@DefaultValue("30m") Duration ttl, @DefaultValue("10s") Duration cacheTtl,
			@DefaultValue("1m") Duration cleanupInterval) {
	}

}
