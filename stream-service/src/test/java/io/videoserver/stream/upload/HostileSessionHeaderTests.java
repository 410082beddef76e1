package io.videoserver.stream.upload;

import java.io.IOException;
import java.util.stream.Stream;

import io.videoserver.shared.testhttp.HostileValues;
import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile session ids, user names and cookies on an upload: each answers 401/002 (400/001
 * when Tomcat refuses the header itself) before the body is read, never a 500, and
 * nothing is logged with a stack trace.
 */
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class HostileSessionHeaderTests extends StreamIntegrationTest {

	private Owner owner;

	@BeforeAll
	void seed() {
		this.owner = seedOwner("hostile");
	}

	static Stream<String> values() {
		return HostileValues.HEADER_VALUES.stream();
	}

	@ParameterizedTest
	@MethodSource("values")
	void aHostileSessionIdAnswers401(String value, CapturedOutput output) throws IOException {
		assertRefused(value, "X-Session-Id: " + value + "\r\nX-User-Name: " + this.owner.user() + "\r\n", output);
	}

	@ParameterizedTest
	@MethodSource("values")
	void aHostileUserNameAnswers401(String value, CapturedOutput output) throws IOException {
		assertRefused(value, "X-Session-Id: " + this.owner.session() + "\r\nX-User-Name: " + value + "\r\n", output);
	}

	@ParameterizedTest
	@MethodSource("values")
	void aHostileCookieAnswers401(String value, CapturedOutput output) throws IOException {
		assertRefused(value, "Cookie: video_session=" + value + "\r\n", output);
	}

	private void assertRefused(String value, String headers, CapturedOutput output) throws IOException {
		int logged = output.getAll().length();
		RawHttp.Response response = RawHttp.exchange(this.port, "PUT", "/videos/" + this.owner.vid(), headers,
				"not a video");
		boolean control = value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F);
		assertThat(response.status()).isEqualTo(control ? 400 : 401);
		assertThat(response.text()).contains(control ? "\"error_code\":\"001\"}" : "\"error_code\":\"002\"}");
		assertThat(output.getAll().substring(logged)).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(isStored(this.owner.vid())).isFalse();
	}

}
