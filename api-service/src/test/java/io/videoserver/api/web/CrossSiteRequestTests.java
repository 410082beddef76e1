package io.videoserver.api.web;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of another site cannot make a logged-in browser change anything, while the web
 * UI's own pages and non-browser clients can.
 */
@ApiTest
class CrossSiteRequestTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aFormPostedFromAnotherSiteWithTheSessionCookieIsRefused() {
		Login login = this.api.register(Api.uniqueName("victim"));
		assertErrorBody(createVideo(login).header("Origin", "https://evil.example").exchange(), 403, "007");
		assertErrorBody(createVideo(login).header("Origin", "null").exchange(), 403, "007");
	}

	@Test
	void aSiblingSubdomainIsAnotherOriginToo() {
		Login login = this.api.register(Api.uniqueName("sibling"));
		// SameSite=Strict lets same-site pages send the cookie; the Origin check does
		// not.
		assertErrorBody(createVideo(login).header("Origin", "http://attacker.localhost").exchange(), 403, "007");
	}

	@Test
	void anotherSchemeOrPortOfThisHostIsAnotherOrigin() {
		Login login = this.api.register(Api.uniqueName("port"));
		assertErrorBody(createVideo(login).header("Origin", "http://localhost:8080").exchange(), 403, "007");
		assertErrorBody(createVideo(login).header("Origin", "https://localhost").exchange(), 403, "007");
		assertThat(createVideo(login).header("Origin", "http://localhost:80").exchange()).hasStatus(201);
	}

	@Test
	void aRequestMarkedCrossSiteWithoutAnOriginIsRefused() {
		Login login = this.api.register(Api.uniqueName("nosite"));
		assertErrorBody(createVideo(login).header("Sec-Fetch-Site", "cross-site").exchange(), 403, "007");
	}

	@Test
	void loginFromAnotherSiteIsRefused() {
		String name = Api.uniqueName("loginx");
		this.api.register(name);
		assertErrorBody(this.mvc.post()
			.uri("/user/{name}", name)
			.header("Origin", "https://evil.example")
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.credentials(name, Api.PASSWORD))
			.exchange(), 403, "007");
	}

	@Test
	void theUisOwnPagesAndScriptsWithoutAnOriginMayChangeThings() {
		Login login = this.api.register(Api.uniqueName("own"));
		assertThat(createVideo(login).header("Origin", "http://localhost")
			.header("Sec-Fetch-Site", "same-origin")
			.exchange()).hasStatus(201);
		assertThat(createVideo(login).exchange()).hasStatus(201);
	}

	@Test
	void readingIsNotAffected() {
		Login login = this.api.register(Api.uniqueName("reader"));
		assertThat(this.mvc.get()
			.uri("/user/{name}", login.name())
			.cookie(new Cookie("video_session", login.sessionId()))
			.header("Origin", "https://evil.example")
			.exchange()).hasStatus(200);
	}

	private MockMvcRequestBuilder createVideo(Login login) {
		return this.mvc.post()
			.uri("/user/{name}/videos", login.name())
			.cookie(new Cookie("video_session", login.sessionId()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"cats\"}");
	}

}
