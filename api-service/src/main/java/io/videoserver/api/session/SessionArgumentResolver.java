package io.videoserver.api.session;

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
 * UUID) or a user name, before they reach a query. A {@link Viewer} parameter takes the
 * same session when there is a valid one and is anonymous otherwise. When the check
 * slides a cookie's session, the answer renews the cookie too, or the browser would drop
 * it a TTL after login however active.
 */
class SessionArgumentResolver implements HandlerMethodArgumentResolver {

	private final Sessions sessions;

	SessionArgumentResolver(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == SessionUser.class || parameter.getParameterType() == Viewer.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		SessionUser user = authenticate(webRequest);
		if (parameter.getParameterType() == Viewer.class) {
			return new Viewer(user);
		}
		if (user == null) {
			throw notAuthenticated();
		}
		return user;
	}

	/** The session's user, or null when the request offers no valid session. */
	private @Nullable SessionUser authenticate(NativeWebRequest webRequest) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (request == null) {
			return null;
		}
		SessionCredentials.Offered offered = SessionCredentials.offeredBy(request).orElse(null);
		if (offered == null) {
			return null;
		}
		Authentication found = this.sessions.authenticate(offered.sessionId(), offered.userName()).orElse(null);
		if (found == null) {
			return null;
		}
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		if (offered.fromCookie() && found.renewed() && response != null) {
			// The cookie's Max-Age was set when it was issued:
			// it slides with the session.
			response.addHeader(HttpHeaders.SET_COOKIE,
					SessionCookies.issue(offered.sessionId(), this.sessions.ttl(), request).toString());
		}
		return found.user();
	}

	private static ApiException notAuthenticated() {
		return new ApiException(ErrorCode.NOT_AUTHENTICATED, "Not logged in, or the session has expired");
	}

}
