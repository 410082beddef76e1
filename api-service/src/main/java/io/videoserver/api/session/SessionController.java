package io.videoserver.api.session;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs out: ends the session everywhere and clears the browser's cookie.
 */
@RestController
class SessionController {

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	@DeleteMapping("/session")
	ResponseEntity<Void> logOut(SessionUser user, HttpServletRequest request) {
		this.sessions.end(user.sessionId());
		return ResponseEntity.noContent()
			.header(HttpHeaders.SET_COOKIE, SessionCookies.clear(request).toString())
			.build();
	}

}
