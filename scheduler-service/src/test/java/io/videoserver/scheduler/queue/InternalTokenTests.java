package io.videoserver.scheduler.queue;

import java.nio.file.Path;

import io.videoserver.scheduler.SchedulerProperties;
import io.videoserver.scheduler.TestReplica;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.store.StoreKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InternalTokenTests {

	@Test
	void withoutAConfiguredTokenEveryCallIsRefused() {
		InternalToken token = new InternalToken(properties(""));
		for (String authorization : new String[] { "Bearer ", "Bearer", "", "Bearer  " }) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> token.require(authorization))
				.satisfies((ex) -> ex.code().equals(ErrorCode.NOT_AUTHENTICATED));
		}
	}

	@Test
	void configuredTokenIsAcceptedWithAnyCaseOfTheScheme() {
		InternalToken token = new InternalToken(properties("abc"));
		assertThatCode(() -> token.require("Bearer abc")).doesNotThrowAnyException();
		assertThatCode(() -> token.require("bearer abc")).doesNotThrowAnyException();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> token.require("Bearer abcd"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> token.require("Bearer ab"));
	}

	private static SchedulerProperties properties(String token) {
		return new SchedulerProperties(Path.of("videos"), StoreKind.LOCAL, token, TestReplica.settings("x"));
	}

}
