package io.videoserver.api.web;

import java.io.IOException;
import java.util.stream.Stream;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import io.videoserver.shared.testhttp.HostileValues;
import io.videoserver.shared.testhttp.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile session ids, user names and cookies, sent raw where a request is authenticated:
 * each answers 401/002 (400/001 when Tomcat refuses the header itself), never a 500, and
 * nothing is logged with a stack trace.
 */
@ApiTest
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class HostileHeaderTests {

	@Autowired
	private Api api;

	@LocalServerPort
	private int port;

	private Login login;

	@BeforeAll
	void logIn() {
		this.login = this.api.register(Api.uniqueName("headers"));
	}

	static Stream<String> values() {
		return HostileValues.HEADER_VALUES.stream();
	}

	@ParameterizedTest
	@MethodSource("values")
	void aHostileSessionIdAnswers401(String value, CapturedOutput output) throws IOException {
		assertRefused(value, "X-Session-Id: " + value + "\r\nX-User-Name: " + this.login.name() + "\r\n", output);
	}

	@ParameterizedTest
	@MethodSource("values")
	void aHostileUserNameAnswers401(String value, CapturedOutput output) throws IOException {
		assertRefused(value, "X-Session-Id: " + this.login.sessionId() + "\r\nX-User-Name: " + value + "\r\n", output);
	}

	@ParameterizedTest
	@MethodSource("values")
	void aHostileCookieAnswers401(String value, CapturedOutput output) throws IOException {
		assertRefused(value, "Cookie: video_session=" + value + "\r\n", output);
	}

	/**
	 * Tomcat itself refuses a header with a control character (other than a tab) before
	 * the application sees it: 400/001.
	 */
	private void assertRefused(String value, String headers, CapturedOutput output) throws IOException {
		int logged = output.getAll().length();
		RawHttp.Response response = RawHttp.exchange(this.port, "GET", "/user/" + this.login.name(), headers, "");
		boolean control = value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F);
		assertThat(response.status()).isEqualTo(control ? 400 : 401);
		assertThat(response.text()).contains(control ? "\"error_code\":\"001\"}" : "\"error_code\":\"002\"}");
		assertThat(output.getAll().substring(logged)).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
