package io.videoserver.api;

import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test client for the contract's calls, so tests read as what a user does.
 */
@TestComponent
public class Api {

	private static final AtomicInteger counter = new AtomicInteger();

	public static final String PASSWORD = "correct horse battery";

	private final MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	public Api(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	public MockMvcTester mvc() {
		return this.mvc;
	}

	public static String uniqueName(String prefix) {
		return prefix + "-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet();
	}

	/**
	 * Registers a new user.
	 * @param name the user name
	 * @return the user's session
	 */
	public Login register(String name) {
		MvcTestResult result = this.mvc.post()
			.uri("/user")
			.contentType(MediaType.APPLICATION_JSON)
			.content(credentials(name, PASSWORD))
			.exchange();
		assertThat(result).hasStatus(201);
		return new Login(name, read(result).get("session_id").asString());
	}

	public JsonNode createVideo(Login login, String title) {
		MvcTestResult result = login.sign(this.mvc.post().uri("/user/{name}/videos", login.name()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + title + "\"}")
			.exchange();
		assertThat(result).hasStatus(201);
		return read(result);
	}

	public JsonNode read(MvcTestResult result) {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	public static String credentials(String name, String password) {
		return "{\"user_name\":\"" + name + "\",\"pwd\":\"" + password + "\"}";
	}

	/**
	 * A user and a session, able to sign requests with the original's headers.
	 */
	public record Login(String name, String sessionId) {

		public MockMvcTester.MockMvcRequestBuilder sign(MockMvcTester.MockMvcRequestBuilder request) {
			return request.header("X-Session-Id", this.sessionId).header("X-User-Name", this.name);
		}

	}

}
