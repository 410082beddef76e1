package io.videoserver.api.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock the owner out. Each login first
 * reserves one failure from three allowances that refill over a window: the account's
 * from this client address, the address's for any account, and the account's from
 * everywhere (a much higher ceiling, against guesses spread over many addresses). With
 * any of them empty the login answers 429/010, even with the right password; a successful
 * login gives its reservation back. Reserving before the password is hashed keeps
 * parallel guesses within the allowance. Per replica: behind a load balancer an attacker
 * gets each allowance once per replica.
 */
@Component
class LoginThrottle {

	private static final int MAX_TRACKED = 100_000;

	private final ApiProperties.Login settings;

	private final Cache<String, Bucket> pairs;

	private final Cache<String, Bucket> clients;

	private final Cache<String, Bucket> accounts;

	LoginThrottle(ApiProperties properties) {
		this.settings = properties.login();
		this.pairs = cache(this.settings.window());
		this.clients = cache(this.settings.window());
		this.accounts = cache(this.settings.window());
	}

	/**
	 * Reserves one failed login, before the password is checked.
	 * @param userName the account tried
	 * @param client the client's address
	 * @return the reservation, to give back when the login succeeds
	 * @throws ApiException 429/010 when an allowance is used up
	 */
	Attempt reserve(String userName, String client) {
		List<Bucket> buckets = List.of(
				this.pairs.get(userName + '\n' + client, key -> bucket(this.settings.maxFailuresPerAccountAndClient())),
				this.clients.get(client, key -> bucket(this.settings.maxFailuresPerClient())),
				this.accounts.get(userName, key -> bucket(this.settings.maxFailuresPerAccount())));
		List<Bucket> taken = new ArrayList<>(buckets.size());
		for (Bucket bucket : buckets) {
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				new Attempt(taken).giveBack();
				throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, "Too many failed logins, try again later",
						TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
			}
			taken.add(bucket);
		}
		return new Attempt(taken);
	}

	private Bucket bucket(int failures) {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(failures).refillGreedy(failures, this.settings.window()))
			.build();
	}

	private static Cache<String, Bucket> cache(Duration window) {
		return Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(window).build();
	}

	/**
	 * A login attempt's reservation: kept when the password was wrong, else given back.
	 */
	static final class Attempt {

		private final List<Bucket> buckets;

		private Attempt(List<Bucket> buckets) {
			this.buckets = buckets;
		}

		void giveBack() {
			this.buckets.forEach(bucket -> bucket.addTokens(1));
		}

	}

}
