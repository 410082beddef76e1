package io.videoserver.api.user;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each account and each client address has an allowance of
 * failed logins that refills over a window; with none left, logins answer 429/010 (even
 * with the right password) until it refills. Successful logins cost nothing. Per replica,
 * which multiplies the allowance by the number of replicas at most.
 */
@Component
class LoginThrottle {

	private static final int MAX_TRACKED = 100_000;

	private final ApiProperties.Login settings;

	private final Cache<String, Bucket> accounts;

	private final Cache<String, Bucket> clients;

	LoginThrottle(ApiProperties properties) {
		this.settings = properties.login();
		this.accounts = cache(this.settings.window());
		this.clients = cache(this.settings.window());
	}

	/**
	 * Refuses a login attempt when the account or the client has no failures left.
	 * @param userName the account tried
	 * @param client the client's address
	 */
	void check(String userName, String client) {
		long wait = Math.max(waitNanos(account(userName)), waitNanos(client(client)));
		if (wait > 0) {
			throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, "Too many failed logins, try again later",
					TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
		}
	}

	void failed(String userName, String client) {
		account(userName).tryConsume(1);
		client(client).tryConsume(1);
	}

	private static long waitNanos(Bucket bucket) {
		return (bucket.getAvailableTokens() > 0) ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
	}

	private Bucket account(String userName) {
		return this.accounts.get(userName, key -> bucket(this.settings.maxFailuresPerAccount()));
	}

	private Bucket client(String address) {
		return this.clients.get(address, key -> bucket(this.settings.maxFailuresPerClient()));
	}

	private Bucket bucket(int failures) {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(failures).refillGreedy(failures, this.settings.window()))
			.build();
	}

	private static Cache<String, Bucket> cache(Duration window) {
		return Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(window).build();
	}

}
