package io.videoserver.api.session;

import java.net.http.HttpResponse;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import io.videoserver.api.Http;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class SessionApiTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Sessions sessions;

	@Autowired
	private SessionRepository sessionRows;

	@LocalServerPort
	private int port;

	@Test
	void logoutAnswers204EndsTheSessionAndClearsTheCookie() {
		String name = Api.uniqueName("bye");
		Login login = this.api.register(name);
		MvcTestResult result = login.sign(this.mvc.delete().uri("/session")).exchange();
		assertThat(result).hasStatus(204);
		assertThat(result.getResponse().getHeader("Set-Cookie")).contains("video_session=").contains("Max-Age=0");
		assertThat(countSessions(login.sessionId())).isZero();
		assertErrorBody(login.sign(this.mvc.get().uri("/user/" + name)).exchange(), 401, "002");
	}

	@Test
	void logoutWithoutASessionAnswers401() {
		assertErrorBody(this.mvc.delete().uri("/session").exchange(), 401, "002");
	}

	@Test
	void anExpiredSessionAnswers401() {
		String name = Api.uniqueName("expired");
		String sessionId = this.sessions.create(name);
		this.jdbc.sql("INSERT INTO users (login_name, pwd) VALUES (:n, 'x')").param("n", name).update();
		this.jdbc.sql("UPDATE sessions SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE session_id = :id")
			.param("id", sessionId)
			.update();
		MvcTestResult result = this.mvc.get()
			.uri("/user/" + name)
			.header("X-Session-Id", sessionId)
			.header("X-User-Name", name)
			.exchange();
		assertErrorBody(result, 401, "002");
	}

	@Test
	void aSessionInTheSecondHalfOfItsLifeIsRenewedToTheFullTtl() {
		String name = Api.uniqueName("slide");
		Login login = this.api.register(name);
		this.jdbc.sql("UPDATE sessions SET expires_at = NOW(3) + INTERVAL 60 SECOND WHERE session_id = :id")
			.param("id", login.sessionId())
			.update();
		assertThat(login.sign(this.mvc.get().uri("/user/" + name)).exchange()).hasStatus(200);
		long remaining = this.jdbc
			.sql("SELECT TIMESTAMPDIFF(SECOND, NOW(3), expires_at) FROM sessions WHERE session_id = :id")
			.param("id", login.sessionId())
			.query(Long.class)
			.single();
		assertThat(remaining).isBetween(29L * 60, 30L * 60);
	}

	@Test
	void aBrowserRequestInTheSecondHalfOfTheSessionsLifeGetsARenewedCookie() {
		String name = Api.uniqueName("cookie");
		Http http = new Http(this.port);
		String fresh = sessionCookie(http.send("POST", "/user", Api.credentials(name, Api.PASSWORD)));
		HttpResponse<String> early = http.send("GET", "/user/" + name, "", "Cookie", fresh);
		assertThat(early.statusCode()).isEqualTo(200);
		assertThat(early.headers().allValues("Set-Cookie")).isEmpty();
		String aging = sessionCookie(http.send("POST", "/user/" + name, Api.credentials(name, Api.PASSWORD)));
		this.jdbc.sql("UPDATE sessions SET expires_at = NOW(3) + INTERVAL 60 SECOND WHERE session_id = :id")
			.param("id", aging.substring(aging.indexOf('=') + 1))
			.update();
		HttpResponse<String> late = http.send("GET", "/user/" + name, "", "Cookie", aging);
		assertThat(late.statusCode()).isEqualTo(200);
		assertThat(late.headers().allValues("Set-Cookie")).singleElement(InstanceOfAssertFactories.STRING)
			.startsWith(aging + ";")
			.contains("Max-Age=1800")
			.contains("HttpOnly")
			.contains("SameSite=Strict");
	}

	private static String sessionCookie(HttpResponse<String> login) {
		assertThat(login.statusCode()).isBetween(200, 201);
		return login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
	}

	@Test
	void expiredSessionRowsAreDeletedByTheSweeper() {
		String live = this.sessions.create(Api.uniqueName("live"));
		String dead = this.sessions.create(Api.uniqueName("dead"));
		this.jdbc.sql("UPDATE sessions SET expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE session_id = :id")
			.param("id", dead)
			.update();
		new ExpiredSessionSweeper(this.sessionRows).sweep();
		assertThat(countSessions(dead)).isZero();
		assertThat(countSessions(live)).isOne();
	}

	@Test
	void legacyClearTextPasswordIsReplacedByItsHashAtTheNextLogin() {
		String name = Api.uniqueName("legacy");
		this.jdbc.sql("INSERT INTO users (login_name, pwd, pwd_legacy) VALUES (:n, 'oldpassword1', TRUE)")
			.param("n", name)
			.update();
		assertErrorBody(login(name, "wrongpassword"), 401, "002");
		assertThat(storedPassword(name)).isEqualTo("oldpassword1");
		assertThat(login(name, "oldpassword1")).hasStatus(200);
		assertThat(storedPassword(name)).startsWith("$2").isNotEqualTo("oldpassword1");
		assertThat(login(name, "oldpassword1")).hasStatus(200);
	}

	private MvcTestResult login(String name, String password) {
		return this.mvc.post()
			.uri("/user/" + name)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.credentials(name, password))
			.exchange();
	}

	private String storedPassword(String name) {
		return this.jdbc.sql("SELECT pwd FROM users WHERE login_name = :n")
			.param("n", name)
			.query(String.class)
			.single();
	}

	private int countSessions(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sessions WHERE session_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
