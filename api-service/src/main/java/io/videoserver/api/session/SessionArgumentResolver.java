package io.videoserver.api.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import io.videoserver.api.session.Sessions.Authentication;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.SessionCredentials;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Turns the original's {@code X-Session-Id} and {@code X-User-Name} headers, or the
 * browser's session cookie, into a {@link SessionUser}; a handler that asks for one
 * answers 401/002 without it, or with values that cannot be a session id (a version 4
 * UUID) or a user name, before they reach a query. When the check slides a cookie's
 * session, the answer renews the cookie too, or the browser would drop it a TTL after
 * login however active.
 */
class SessionArgumentResolver implements HandlerMethodArgumentResolver {

	static final String SESSION_HEADER = "X-Session-Id";

	static final String USER_HEADER = "X-User-Name";

	private final Sessions sessions;

	SessionArgumentResolver(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == SessionUser.class;
	}

	@Override
	public SessionUser resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		String headerSession = webRequest.getHeader(SESSION_HEADER);
		if (headerSession != null) {
			String userName = webRequest.getHeader(USER_HEADER);
			if (!SessionCredentials.isSessionId(headerSession) || !SessionCredentials.isUserName(userName)) {
				throw notAuthenticated();
			}
			return this.sessions.authenticate(headerSession, userName)
				.orElseThrow(SessionArgumentResolver::notAuthenticated)
				.user();
		}
		String cookieSession = (request != null) ? cookie(request) : null;
		if (!SessionCredentials.isSessionId(cookieSession)) {
			throw notAuthenticated();
		}
		Authentication found = this.sessions.authenticate(cookieSession, null)
			.orElseThrow(SessionArgumentResolver::notAuthenticated);
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		if (found.renewed() && response != null) {
			// The cookie's Max-Age was set when it was issued:
			// it slides with the session.
			response.addHeader(HttpHeaders.SET_COOKIE,
					SessionCookies.issue(cookieSession, this.sessions.ttl(), request).toString());
		}
		return found.user();
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (SessionCookies.NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static ApiException notAuthenticated() {
		return new ApiException(ErrorCode.NOT_AUTHENTICATED, "Not logged in, or the session has expired");
	}

}
