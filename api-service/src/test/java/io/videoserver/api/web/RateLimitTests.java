package io.videoserver.api.web;

import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.testhttp.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "video.rate-limit.requests-per-second=2")
@Import(TestDatabase.class)
class RateLimitTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void aClientOverItsBucketAnswers429WithRetryAfterWhileProbesStayOpen() throws Exception {
		RawHttp.Response last = null;
		int allowed = 0;
		for (int i = 0; i < 10; i++) {
			last = RawHttp.exchange(this.port, "GET", "/videos");
			if (last.status() == 200) {
				allowed++;
			}
		}
		assertThat(allowed).isBetween(4, 6);
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.text()).containsPattern("(?i)Retry-After: [1-9]").endsWith("\"error_code\":\"010\"}");
		for (int i = 0; i < 10; i++) {
			assertThat(RawHttp.exchange(this.managementPort, "GET", "/actuator/health/liveness").status())
				.isEqualTo(200);
			assertThat(RawHttp.exchange(this.managementPort, "GET", "/actuator/prometheus").status()).isEqualTo(200);
		}
	}

}
