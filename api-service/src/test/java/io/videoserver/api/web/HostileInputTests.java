package io.videoserver.api.web;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import io.videoserver.shared.testhttp.HostileValues;
import io.videoserver.shared.testhttp.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traversal- and injection-looking ids and names, sent raw to every endpoint that takes
 * one: each answers a client error with the legacy body, none reaches a 2xx or a 500, and
 * the tables are untouched.
 */
@ApiTest
@TestInstance(Lifecycle.PER_CLASS)
class HostileInputTests {

	private static final List<String> ENDPOINTS = List.of("GET /videos/ID", "GET /videos/ID/comments",
			"POST /videos/ID/comments", "DELETE /user/NAME/videos/ID", "GET /user/NAME", "GET /user/NAME/videos",
			"POST /user/NAME/videos", "POST /user/NAME", "DELETE /user/ME/videos/ID");

	@Autowired
	private Api api;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	private Login login;

	@BeforeAll
	void logIn() {
		this.login = this.api.register(Api.uniqueName("hostile"));
	}

	static Stream<String[]> cases() {
		return ENDPOINTS.stream()
			.flatMap(endpoint -> HostileValues.PATH_SEGMENTS.stream().map(value -> new String[] { endpoint, value }));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("cases")
	void hostileValuesAnswerAClientErrorBody(String endpoint, String value) throws IOException {
		int users = count("users");
		int videos = count("video_info");
		String[] parts = endpoint.split(" ");
		String target = parts[1].replace("ME", this.login.name()).replace("NAME", value).replace("ID", value);
		String headers = "X-Session-Id: " + this.login.sessionId() + "\r\nX-User-Name: " + this.login.name()
				+ "\r\nContent-Type: application/json\r\n";
		String body = parts[0].equals("POST") ? "{\"name\":\"n\",\"content\":\"c\",\"user_name\":\"" + this.login.name()
				+ "\",\"pwd\":\"" + Api.PASSWORD + "\"}" : "";
		RawHttp.Response response = RawHttp.exchange(this.port, parts[0], target, headers, body);
		assertThat(response.status()).as(endpoint + " " + value).isBetween(400, 499);
		assertThat(response.text()).as(endpoint + " " + value)
			.contains("\"error_code\":\"")
			.doesNotContain("X-Injected")
			.doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("sql");
		assertThat(count("users")).isEqualTo(users);
		assertThat(count("video_info")).isEqualTo(videos);
	}

	private int count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

}
