package io.videoserver.shared;

import java.util.List;
import java.util.UUID;

import io.videoserver.shared.testhttp.HostileValues;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

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

	@Test
	void theHeaderPairComesBeforeTheCookie() {
		String header = UUID.randomUUID().toString();
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader(SessionCredentials.SESSION_HEADER, header);
		request.addHeader(SessionCredentials.USER_HEADER, "alice");
		request.setCookies(new Cookie(SessionCredentials.COOKIE, UUID.randomUUID().toString()));
		assertThat(SessionCredentials.offeredBy(request)).contains(new SessionCredentials.Offered(header, "alice"));
	}

	@Test
	void aSessionHeaderWithoutAUserIsNoCredentialEvenWithACookie() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader(SessionCredentials.SESSION_HEADER, UUID.randomUUID().toString());
		request.setCookies(new Cookie(SessionCredentials.COOKIE, UUID.randomUUID().toString()));
		assertThat(SessionCredentials.offeredBy(request)).isEmpty();
	}

	@Test
	void theFirstNonEmptyCookieNamesItsOwnUser() {
		String cookie = UUID.randomUUID().toString();
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("other", "x"), new Cookie(SessionCredentials.COOKIE, ""),
				new Cookie(SessionCredentials.COOKIE, cookie));
		assertThat(SessionCredentials.offeredBy(request)).hasValueSatisfying((offered) -> {
			assertThat(offered.sessionId()).isEqualTo(cookie);
			assertThat(offered.fromCookie()).isTrue();
		});
	}

	@ParameterizedTest
	@MethodSource("hostileValues")
	void hostileHeadersOfferNothing(String value) {
		MockHttpServletRequest headers = new MockHttpServletRequest();
		headers.addHeader(SessionCredentials.SESSION_HEADER, value);
		headers.addHeader(SessionCredentials.USER_HEADER, "alice");
		assertThat(SessionCredentials.offeredBy(headers)).isEmpty();
		MockHttpServletRequest cookie = new MockHttpServletRequest();
		cookie.setCookies(new Cookie(SessionCredentials.COOKIE, value));
		assertThat(SessionCredentials.offeredBy(cookie)).isEmpty();
	}

}
