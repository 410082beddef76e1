package io.videoserver.api.session;

import java.time.Duration;
import java.util.Optional;

import io.videoserver.api.ControllerTest;
import io.videoserver.api.session.Sessions.Authentication;
import jakarta.servlet.http.Cookie;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

@ControllerTest(SessionController.class)
class SessionControllerTests {

	private static final String SESSION = "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Sessions sessions;

	@Test
	void logoutAnswers204EndsTheSessionAndClearsTheCookie() {
		SignedIn alice = SignedIn.as(this.sessions, 7, "alice", SESSION);
		MvcTestResult result = alice.sign(this.mvc.delete().uri("/session")).exchange();
		assertThat(result).hasStatus(204);
		assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("video_session=;")
			.contains("Max-Age=0")
			.contains("HttpOnly")
			.contains("SameSite=Strict");
		then(this.sessions).should().end(SESSION);
	}

	@Test
	void logoutWorksWithTheCookieAlone() {
		SignedIn.as(this.sessions, 7, "alice", SESSION);
		assertThat(this.mvc.delete().uri("/session").cookie(new Cookie("video_session", SESSION)).exchange())
			.hasStatus(204);
		then(this.sessions).should().end(SESSION);
	}

	@Test
	void logoutWithoutAValidSessionAnswers401() {
		SignedIn.as(this.sessions, 7, "alice", SESSION);
		assertErrorBody(this.mvc.delete().uri("/session").exchange(), 401, "002");
		assertErrorBody(this.mvc.delete().uri("/session").header("X-Session-Id", SESSION).exchange(), 401, "002");
		assertErrorBody(this.mvc.delete()
			.uri("/session")
			.header("X-Session-Id", SESSION)
			.header("X-User-Name", "mallory")
			.exchange(), 401, "002");
		assertErrorBody(this.mvc.delete()
			.uri("/session")
			.header("X-Session-Id", "not-a-session")
			.header("X-User-Name", "alice")
			.exchange(), 401, "002");
		assertErrorBody(this.mvc.delete().uri("/session").cookie(new Cookie("video_session", "x")).exchange(), 401,
				"002");
		then(this.sessions).should(never()).end(anyString());
	}

	@Test
	void malformedCredentialsNeverReachTheSessions() {
		this.mvc.delete().uri("/session").header("X-Session-Id", "' OR 1=1 --").header("X-User-Name", "a").exchange();
		then(this.sessions).should(never()).authenticate(anyString(), any());
	}

	@Test
	void aLogoutWhoseCheckRenewedTheSessionStillEndsWithTheCookieCleared() {
		SessionUser alice = new SessionUser(7, "alice", SESSION);
		given(this.sessions.authenticate(SESSION, null)).willReturn(Optional.of(new Authentication(alice, true)));
		given(this.sessions.ttl()).willReturn(Duration.ofMinutes(30));
		MvcTestResult result = this.mvc.delete()
			.uri("/session")
			.cookie(new Cookie("video_session", SESSION))
			.exchange();
		assertThat(result).hasStatus(204);
		assertThat(result.getResponse().getHeaders("Set-Cookie")).last(InstanceOfAssertFactories.STRING)
			.startsWith("video_session=;")
			.contains("Max-Age=0");
		then(this.sessions).should().end(SESSION);
	}

}
