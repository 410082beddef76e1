package io.videoserver.api;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts the original's error body: exactly {@code error} and {@code error_code}.
 */
public final class ErrorBodies {

	private ErrorBodies() {
	}

	public static void assertErrorBody(MvcTestResult result, int status, String code) {
		assertThat(result).hasStatus(status);
		assertThat(result).bodyJson().extractingPath("$.error_code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.error").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$").asMap().containsOnlyKeys("error", "error_code");
	}

}
