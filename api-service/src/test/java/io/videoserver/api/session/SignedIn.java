package io.videoserver.api.session;

import java.time.Duration;
import java.util.Optional;

import io.videoserver.api.session.Sessions.Authentication;
import io.videoserver.shared.SessionCredentials;
import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;

/**
 * A session known to a mocked {@link Sessions}, so that controller slice tests of every
 * package can sign a request without a database behind the session check.
 *
 * @param user the user the session belongs to
 */
public record SignedIn(SessionUser user) {

	/**
	 * Makes the mocked sessions accept this user's session under the original's headers
	 * (with this name only) or in the cookie.
	 * @param sessions the {@code @MockitoBean} of the test
	 * @param userId the user's id
	 * @param userName the user's name
	 * @param sessionId a version 4 UUID
	 * @return the signed-in user
	 */
	public static SignedIn as(Sessions sessions, long userId, String userName, String sessionId) {
		return stub(sessions, new SessionUser(userId, userName, sessionId), false);
	}

	/**
	 * Like {@link #as}, for a session in the second half of its life: each check renews
	 * it to a TTL of 30 minutes.
	 * @param sessions the {@code @MockitoBean} of the test
	 * @param userId the user's id
	 * @param userName the user's name
	 * @param sessionId a version 4 UUID
	 * @return the signed-in user
	 */
	public static SignedIn renewing(Sessions sessions, long userId, String userName, String sessionId) {
		given(sessions.ttl()).willReturn(Duration.ofMinutes(30));
		return stub(sessions, new SessionUser(userId, userName, sessionId), true);
	}

	private static SignedIn stub(Sessions sessions, SessionUser user, boolean renewed) {
		String sessionId = user.sessionId();
		String userName = user.userName();
		Optional<Authentication> found = Optional.of(new Authentication(user, renewed));
		given(sessions.authenticate(sessionId, userName)).willReturn(found);
		given(sessions.authenticate(eq(sessionId), isNull())).willReturn(found);
		return new SignedIn(user);
	}

	public MockMvcRequestBuilder withCookie(MockMvcRequestBuilder request) {
		return request.cookie(new Cookie(SessionCookies.NAME, this.user.sessionId()));
	}

	public MockMvcRequestBuilder sign(MockMvcRequestBuilder request) {
		return request.header(SessionCredentials.SESSION_HEADER, this.user.sessionId())
			.header(SessionCredentials.USER_HEADER, this.user.userName());
	}

}
