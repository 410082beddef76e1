package io.videoserver.scheduler.execution;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(10), Duration.ofSeconds(60));

	@Test
	void delayDoublesFromTheBaseUpToTheCap() {
		assertThat(this.policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.policy.delayAfter(1000)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void parksOnceTheAttemptsAreUsedUp() {
		assertThat(this.policy.parks(3)).isFalse();
		assertThat(this.policy.parks(4)).isTrue();
	}

}
