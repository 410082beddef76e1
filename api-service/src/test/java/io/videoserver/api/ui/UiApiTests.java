package io.videoserver.api.ui;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class UiApiTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void sessionWithTheCookieAnswersTheUser() {
		String name = Api.uniqueName("me");
		Login login = this.api.register(name);
		MvcTestResult result = this.mvc.get()
			.uri("/session")
			.cookie(new Cookie("video_session", login.sessionId()))
			.exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.user_name").isEqualTo(name);
		assertThat(result).bodyJson().extractingPath("$.id").asNumber().isNotNull();
		assertThat(result).bodyJson().extractingPath("$").asMap().containsOnlyKeys("id", "user_name");
	}

	@Test
	void sessionWithTheHeadersAnswersTheUser() {
		String name = Api.uniqueName("me");
		Login login = this.api.register(name);
		MvcTestResult result = login.sign(this.mvc.get().uri("/session")).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.user_name").isEqualTo(name);
	}

	@Test
	void sessionWithoutALoginAnswers401() {
		assertErrorBody(this.mvc.get().uri("/session").exchange(), 401, "002");
	}

	@Test
	void sessionAfterLogoutAnswers401() {
		Login login = this.api.register(Api.uniqueName("gone"));
		Cookie cookie = new Cookie("video_session", login.sessionId());
		assertThat(this.mvc.delete().uri("/session").cookie(cookie).exchange()).hasStatus(204);
		assertErrorBody(this.mvc.get().uri("/session").cookie(cookie).exchange(), 401, "002");
	}

	@Test
	void configPointsAtPort9000OfThePageHostByDefault() {
		MvcTestResult result = this.mvc.get().uri("http://videos.example:8000/ui/config").exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.stream_url").isEqualTo("http://videos.example:9000");
		assertThat(result).bodyJson().extractingPath("$.upload_max_bytes").asNumber().isEqualTo(1024 * 1024 * 1024);
	}

	@Test
	void configAnswersTheUploadSizeLimit() {
		MvcTestResult result = this.mvc.get().uri("/ui/config").exchange();
		assertThat(result).bodyJson().extractingPath("$.upload_max_bytes").asNumber().isEqualTo(1024 * 1024 * 1024);
	}

	@Test
	void pagesCarrySecurityHeadersThatAllowTheStreamService() throws Exception {
		MvcTestResult result = this.mvc.get().uri("http://localhost/index.html").exchange();
		assertThat(result).hasStatus(200);
		assertThat(result.getResponse().getContentAsString()).contains("<script type=\"module\"");
		assertThat(result).headers().hasValue("X-Content-Type-Options", "nosniff").hasValue("X-Frame-Options", "DENY");
		assertThat(result.getResponse().getHeader("Content-Security-Policy"))
			.as("hls.js plays a Media Source through a blob: address")
			.contains("media-src 'self' blob: http://localhost:9000")
			.as("no blob: worker: hls.js runs without one")
			.doesNotContain("worker-src")
			.doesNotContain("script-src 'self' blob:")
			.contains("connect-src 'self' http://localhost:9000")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
	}

}
