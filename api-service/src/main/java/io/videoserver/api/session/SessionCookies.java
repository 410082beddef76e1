package io.videoserver.api.session;

import java.time.Duration;

import io.videoserver.shared.SessionCredentials;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;

/**
 * The browser's session cookie: HttpOnly so scripts cannot read it, SameSite=Strict so no
 * other site can make the browser send it, Secure whenever the request came over TLS.
 */
public final class SessionCookies {

	public static final String NAME = SessionCredentials.COOKIE;

	private SessionCookies() {
	}

	public static ResponseCookie issue(String sessionId, Duration ttl, HttpServletRequest request) {
		return base(sessionId, request).maxAge(ttl).build();
	}

	public static ResponseCookie clear(HttpServletRequest request) {
		return base("", request).maxAge(Duration.ZERO).build();
	}

	private static ResponseCookie.ResponseCookieBuilder base(String value, HttpServletRequest request) {
		return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict").secure(request.isSecure()).path("/");
	}

}
