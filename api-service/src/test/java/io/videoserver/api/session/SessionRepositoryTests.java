package io.videoserver.api.session;

import java.time.Duration;

import io.videoserver.api.RepositoryTest;
import io.videoserver.api.session.SessionRepository.ActiveSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@RepositoryTest
@Import(SessionRepository.class)
class SessionRepositoryTests {

	private static final String SESSION = "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b";

	private static final Duration TTL = Duration.ofMinutes(30);

	@Autowired
	private SessionRepository sessions;

	@Autowired
	private JdbcClient jdbc;

	private long userId;

	@BeforeEach
	void user() {
		this.jdbc.sql("INSERT INTO users (login_name, pwd) VALUES ('repo-session', 'x')").update();
		this.userId = this.jdbc.sql("SELECT id FROM users WHERE login_name = 'repo-session'")
			.query(Long.class)
			.single();
	}

	@Test
	void anInsertedSessionIsActiveWithItsUserAndTheTimeLeftByTheDatabaseClock() {
		this.sessions.insert(SESSION, "repo-session", TTL);
		ActiveSession active = this.sessions.findActive(SESSION).orElseThrow();
		assertThat(active.userId()).isEqualTo(this.userId);
		assertThat(active.loginName()).isEqualTo("repo-session");
		assertThat(active.remainingMicros()).isBetween(TTL.minusSeconds(60).toNanos() / 1000, TTL.toNanos() / 1000);
	}

	@Test
	void anExpiredOrUnknownSessionIsNotActive() {
		this.sessions.insert(SESSION, "repo-session", TTL);
		expire(SESSION);
		assertThat(this.sessions.findActive(SESSION)).isEmpty();
		assertThat(this.sessions.findActive("00000000-0000-4000-8000-000000000000")).isEmpty();
	}

	@Test
	void aSessionOfAUserWhoIsGoneIsNotActive() {
		this.sessions.insert(SESSION, "repo-nobody", TTL);
		assertThat(this.sessions.findActive(SESSION)).isEmpty();
	}

	@Test
	void renewingGivesTheFullTtlAgain() {
		this.sessions.insert(SESSION, "repo-session", Duration.ofSeconds(60));
		this.sessions.renew(SESSION, TTL);
		assertThat(this.sessions.findActive(SESSION).orElseThrow().remainingMicros())
			.isGreaterThan(TTL.minusSeconds(60).toNanos() / 1000);
	}

	@Test
	void deleteEndsOneSessionAndDeleteExpiredOnlyTheExpiredUpToTheLimit() {
		String live = "7a2b3c4d-8b3d-4e5f-9a7b-1c2d3e4f5a6b";
		this.sessions.insert(SESSION, "repo-session", TTL);
		this.sessions.insert(live, "repo-session", TTL);
		this.sessions.delete(SESSION);
		assertThat(this.sessions.findActive(SESSION)).isEmpty();
		for (int i = 0; i < 3; i++) {
			String dead = "%08d-8b3d-4e5f-9a7b-1c2d3e4f5a6b".formatted(i);
			this.sessions.insert(dead, "repo-session", TTL);
			expire(dead);
		}
		assertThat(this.sessions.deleteExpired(2)).isEqualTo(2);
		assertThat(this.sessions.deleteExpired(10)).isOne();
		assertThat(this.sessions.findActive(live)).isPresent();
	}

	private void expire(String sessionId) {
		this.jdbc.sql("UPDATE sessions SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE session_id = :id")
			.param("id", sessionId)
			.update();
	}

}
