package io.videoserver.api.web;

import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.LegacyErrors.assertLegacyError;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "video.rate-limit=2")
@AutoConfigureMockMvc
@Import(TestDatabase.class)
class RateLimitTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aClientOverItsBucketAnswers429WithRetryAfterWhileHealthStaysOpen() {
		MvcTestResult last = null;
		int allowed = 0;
		for (int i = 0; i < 10; i++) {
			last = this.mvc.get().uri("/videos").exchange();
			if (last.getResponse().getStatus() == 200) {
				allowed++;
			}
		}
		assertThat(allowed).isBetween(4, 6);
		assertLegacyError(last, 429, "010");
		assertThat(Long.parseLong(last.getResponse().getHeader("Retry-After"))).isPositive();
		assertThat(this.mvc.get().uri("/actuator/health/liveness").exchange()).hasStatus(200);
	}

}
