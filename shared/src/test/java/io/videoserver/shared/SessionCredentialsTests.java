package io.videoserver.shared;

import java.util.List;
import java.util.UUID;

import io.videoserver.shared.testhttp.HostileValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCredentialsTests {

	static List<String> hostileValues() {
		return HostileValues.HEADER_VALUES;
	}

	@Test
	void issuedSessionIdsAndContractUserNamesPass() {
		assertThat(SessionCredentials.isSessionId(UUID.randomUUID().toString())).isTrue();
		assertThat(SessionCredentials.isUserName("alice_B-2.x")).isTrue();
		assertThat(SessionCredentials.isUserName("a".repeat(64))).isTrue();
	}

	@ParameterizedTest
	@MethodSource("hostileValues")
	void hostileValuesAreNoSessionIds(String value) {
		assertThat(SessionCredentials.isSessionId(value)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\u00C3\u00A9t\u00C3\u00A9", "\u00E9", "a\u0001b", "a\tb", "' OR '1'='1",
			"\"; DROP TABLE users; --", "%00", "a/b", "a b" })
	void namesOutsideTheContractAreNoUserNames(String value) {
		assertThat(SessionCredentials.isUserName(value)).isFalse();
	}

	@Test
	void otherUuidShapesAndLengthsAreRefused() {
		assertThat(SessionCredentials.isSessionId(UUID.randomUUID().toString().toUpperCase())).isFalse();
		assertThat(SessionCredentials.isSessionId(UUID.nameUUIDFromBytes(new byte[1]).toString())).isFalse();
		assertThat(SessionCredentials.isSessionId(null)).isFalse();
		assertThat(SessionCredentials.isUserName(null)).isFalse();
		assertThat(SessionCredentials.isUserName("a".repeat(65))).isFalse();
	}

}
