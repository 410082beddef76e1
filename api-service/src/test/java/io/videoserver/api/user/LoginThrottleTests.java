package io.videoserver.api.user;

import java.time.Duration;

import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The reservation rule alone: what a login takes, keeps and gives back.
 */
class LoginThrottleTests {

	@Test
	void reservationsGivenBackCostNothing() {
		LoginThrottle throttle = throttle(2, 10, 10);
		for (int i = 0; i < 20; i++) {
			throttle.reserve("alice", "10.0.0.1").giveBack();
		}
		throttle.reserve("alice", "10.0.0.1");
		throttle.reserve("alice", "10.0.0.1");
		assertRefused(throttle, "alice", "10.0.0.1");
	}

	@Test
	void aRefusalGivesBackWhatItTook() {
		LoginThrottle throttle = throttle(2, 10, 1);
		throttle.reserve("alice", "10.0.0.1");
		// the account's ceiling refuses after the pair and the address gave one each
		assertRefused(throttle, "alice", "10.0.0.1");
		for (int i = 0; i < 9; i++) {
			int n = i;
			assertThatNoException().isThrownBy(() -> throttle.reserve("user" + n, "10.0.0.1"));
		}
		assertRefused(throttle, "bob", "10.0.0.1");
	}

	@Test
	void eachPairOfAccountAndAddressHasItsOwnAllowance() {
		LoginThrottle throttle = throttle(1, 10, 10);
		throttle.reserve("alice", "10.0.0.1");
		assertRefused(throttle, "alice", "10.0.0.1");
		assertThatNoException().isThrownBy(() -> throttle.reserve("alice", "10.0.0.2"));
		assertThatNoException().isThrownBy(() -> throttle.reserve("bob", "10.0.0.1"));
	}

	private static void assertRefused(LoginThrottle throttle, String userName, String client) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> throttle.reserve(userName, client))
			.satisfies(ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
				assertThat(ex.retryAfterSeconds()).isPositive();
			});
	}

	private static LoginThrottle throttle(int perPair, int perClient, int perAccount) {
		return new LoginThrottle(new ApiProperties(
				new ApiProperties.Session(Duration.ofMinutes(30), Duration.ofSeconds(10), Duration.ofMinutes(1)),
				new ApiProperties.RateLimit(0, null),
				new ApiProperties.Login(perPair, perClient, perAccount, Duration.ofMinutes(10)),
				new ApiProperties.Upload(DataSize.ofGigabytes(1), DataSize.ofGigabytes(10)),
				new ApiProperties.Hash(1, 16, Duration.ofSeconds(5)), new ApiProperties.ListCache(Duration.ZERO, 1)));
	}

}
