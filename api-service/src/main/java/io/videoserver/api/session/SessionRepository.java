package io.videoserver.api.session;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the {@code sessions} table. Expiry is computed by the database clock
 * alone, so replicas with skewed clocks still agree.
 */
@Repository
class SessionRepository {

	/** Maps by column name, written out: see VideoRepository for why. */
	private static final RowMapper<ActiveSession> ROW = (rs, rowNum) -> new ActiveSession(rs.getLong("user_id"),
			rs.getString("login_name"), rs.getLong("remaining_micros"));

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String sessionId, String loginName, Duration ttl) {
		this.jdbc.sql("""
				INSERT INTO sessions (session_id, login_name, expires_at)
				VALUES (:id, :name, TIMESTAMPADD(MICROSECOND, :micros, NOW(3)))""")
			.param("id", sessionId)
			.param("name", loginName)
			.param("micros", micros(ttl))
			.update();
	}

	Optional<ActiveSession> findActive(String sessionId) {
		return this.jdbc.sql("""
				SELECT u.id AS user_id, s.login_name,
				       TIMESTAMPDIFF(MICROSECOND, NOW(3), s.expires_at) AS remaining_micros
				FROM sessions s JOIN users u ON u.login_name = s.login_name
				WHERE s.session_id = :id AND s.expires_at > NOW(3)""").param("id", sessionId).query(ROW).optional();
	}

	void renew(String sessionId, Duration ttl) {
		this.jdbc
			.sql("UPDATE sessions SET expires_at = TIMESTAMPADD(MICROSECOND, :micros, NOW(3)) WHERE session_id = :id")
			.param("micros", micros(ttl))
			.param("id", sessionId)
			.update();
	}

	void delete(String sessionId) {
		this.jdbc.sql("DELETE FROM sessions WHERE session_id = :id").param("id", sessionId).update();
	}

	int deleteExpired(int limit) {
		return this.jdbc.sql("DELETE FROM sessions WHERE expires_at <= NOW(3) LIMIT :limit")
			.param("limit", limit)
			.update();
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1000;
	}

	/**
	 * A session row that has not expired, with its user.
	 *
	 * @param userId the user's id
	 * @param loginName the user's name
	 * @param remainingMicros time left before it expires, by the database clock
	 */
	record ActiveSession(long userId, String loginName, long remainingMicros) {
	}

}
