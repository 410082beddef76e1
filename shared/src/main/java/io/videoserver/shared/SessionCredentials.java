package io.videoserver.shared;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The shape of the credentials a request offers, checked before they reach a query: both
 * services read the same {@code X-Session-Id}/{@code X-User-Name} headers and session
 * cookie, and a value the database cannot compare (a non-ASCII byte against the ASCII
 * session column) must answer 401/002, not 500.
 */
public final class SessionCredentials {

	/** The original's session header, sent together with {@link #USER_HEADER}. */
	public static final String SESSION_HEADER = "X-Session-Id";

	public static final String USER_HEADER = "X-User-Name";

	/** The browser's HttpOnly session cookie, which api-service issues at login. */
	public static final String COOKIE = "video_session";

	/** The contract's user names; also the rule for registration and paths. */
	public static final String USER_NAME_PATTERN = "[A-Za-z0-9_.-]{1,64}";

	private static final Pattern USER_NAME = Pattern.compile(USER_NAME_PATTERN);

	private SessionCredentials() {
	}

	/**
	 * Whether the value is a random (version 4) UUID in canonical lower-case form, as
	 * sessions are issued; checked by hand like {@link VideoIds}, since every
	 * authenticated request checks it.
	 */
	public static boolean isSessionId(@Nullable String value) {
		return value != null && VideoIds.isValid(value) && value.charAt(14) == '4'
				&& "89ab".indexOf(value.charAt(19)) >= 0;
	}

	public static boolean isUserName(@Nullable String value) {
		return value != null && value.length() <= 64 && USER_NAME.matcher(value).matches();
	}

	/**
	 * The credentials a request offers, read the same way by every service: the header
	 * pair when {@code X-Session-Id} is sent (then both headers must be well-formed),
	 * otherwise the first non-empty session cookie.
	 * @return the offered session, empty when there is none or it is malformed (401/002
	 * for the caller)
	 */
	public static Optional<Offered> offeredBy(HttpServletRequest request) {
		String headerSession = request.getHeader(SESSION_HEADER);
		if (headerSession != null) {
			String userName = request.getHeader(USER_HEADER);
			return (isSessionId(headerSession) && isUserName(userName))
					? Optional.of(new Offered(headerSession, userName)) : Optional.empty();
		}
		String cookieSession = cookie(request);
		return isSessionId(cookieSession) ? Optional.of(new Offered(cookieSession, null)) : Optional.empty();
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/**
	 * A well-formed session a request offers, still to be looked up.
	 *
	 * @param sessionId the session id
	 * @param userName the user the header pair names, null for the cookie (whose session
	 * names its own user)
	 */
	public record Offered(String sessionId, @Nullable String userName) {

		public boolean fromCookie() {
			return this.userName == null;
		}

	}

}
