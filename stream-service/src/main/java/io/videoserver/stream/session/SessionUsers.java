package io.videoserver.stream.session;

import java.util.Optional;

import io.videoserver.shared.SessionCredentials;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the user of the session a request offers (the original's header pair, or the
 * browser's HttpOnly cookie), in the sessions table that api-service writes: the one
 * lookup behind uploads and private playback.
 */
@Component
public class SessionUsers {

	private final JdbcClient jdbc;

	public SessionUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the login name of the request's live session, empty when it offers none, a
	 * malformed one, an expired one, or a header pair whose user is not the session's
	 */
	public Optional<String> userOf(HttpServletRequest request) {
		return SessionCredentials.offeredBy(request).flatMap(this::userOf);
	}

	/**
	 * The user of a live session; with a user name (the header pair) the session must
	 * belong to exactly that user, without one (the cookie) its own user is taken.
	 */
	Optional<String> userOf(SessionCredentials.Offered offered) {
		return this.jdbc.sql("""
				SELECT login_name FROM sessions
				WHERE session_id = :sessionId AND expires_at > NOW(3)
				""")
			.param("sessionId", offered.sessionId())
			.query(String.class)
			.optional()
			.filter((login) -> offered.userName() == null || login.equals(offered.userName()));
	}

}
