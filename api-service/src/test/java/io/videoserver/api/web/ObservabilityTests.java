package io.videoserver.api.web;

import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on: request ids. Metrics and readiness are on the management port,
 * tested with it in {@code ApiApplicationIntegrationTests}.
 */
@ApiTest
class ObservabilityTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aRequestIdIsEchoedOrMadeUp() {
		assertThat(this.mvc.get().uri("/videos").header("X-Request-Id", "ui-42").exchange()).hasHeader("X-Request-Id",
				"ui-42");
		MvcTestResult unsafe = this.mvc.get().uri("/videos").header("X-Request-Id", "bad id\r\nX: y").exchange();
		assertThat(unsafe.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

}
