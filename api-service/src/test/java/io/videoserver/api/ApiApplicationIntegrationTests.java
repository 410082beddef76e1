package io.videoserver.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.videoserver.shared.CachingHealthIndicator;
import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.testhttp.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@Import(TestDatabase.class)
class ApiApplicationIntegrationTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void readinessIsUpOnARealDatabase() {
		ResponseEntity<String> response = this.rest.getForEntity(management("/actuator/health/readiness"),
				String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("UP");
	}

	@Test
	void actuatorIsServedOnTheManagementPortOnly() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness", "/actuator/prometheus", "/actuator/info" }) {
			ResponseEntity<String> onServicePort = this.rest.getForEntity(path, String.class);
			assertThat(onServicePort.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(onServicePort.getBody()).isEqualTo("{\"error\":\"Not found\",\"error_code\":\"006\"}");
		}
		assertThat(this.rest.getForEntity(management("/actuator/health/liveness"), String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.rest.getForEntity("/videos", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> metrics = this.rest.getForEntity(management("/actuator/prometheus"), String.class);
		assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(metrics.getBody()).contains("http_server_requests_seconds_count").contains("hikaricp_connections");
	}

	@Test
	void readinessReusesTheDatabaseCheckForAFewSeconds() {
		assertThat(this.context.getBean("dbHealthContributor")).isInstanceOf(CachingHealthIndicator.class);
		double acquiredBefore = connectionsAcquired();
		for (int i = 0; i < 20; i++) {
			ResponseEntity<String> readiness = this.rest.getForEntity(management("/actuator/health/readiness"),
					String.class);
			assertThat(readiness.getBody()).contains("\"status\":\"UP\"");
		}
		// one check per 5 s period, and perhaps the session sweeper's one query
		assertThat(connectionsAcquired() - acquiredBefore).isLessThanOrEqualTo(2);
	}

	/** How often a pooled connection was borrowed, from the metrics. */
	private double connectionsAcquired() {
		String metrics = this.rest.getForEntity(management("/actuator/prometheus"), String.class).getBody();
		Matcher count = Pattern.compile("(?m)^hikaricp_connections_acquire_seconds_count\\{[^}]*\\} (\\S+)$")
			.matcher(metrics);
		assertThat(count.find()).as(metrics).isTrue();
		return Double.parseDouble(count.group(1));
	}

	private String management(String path) {
		return "http://127.0.0.1:" + this.managementPort + path;
	}

	@Test
	void originalHealthzPathAnswersLikeLiveness() {
		ResponseEntity<String> response = this.rest.getForEntity("/api/v1/healthz", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("UP");
	}

	@Test
	void otherSpellingsOfAPathAnswer400WhileEncodedNamesStillReachTheRouter() throws Exception {
		for (String target : new String[] { "/%76ideos", "/videos;x=1", "//videos", "/./videos", "/x/../videos",
				"/user/%61lice", "/user;/alice" }) {
			RawHttp.Response answer = RawHttp.exchange(this.port, "GET", target);
			assertThat(answer.status()).as(target).isEqualTo(400);
			assertThat(answer.text()).as(target)
				.endsWith("{\"error\":\"The path is not in canonical form\",\"error_code\":\"001\"}");
		}
		assertThat(RawHttp.exchange(this.port, "GET", "/videos").status()).isEqualTo(200);
		assertThat(RawHttp.exchange(this.port, "GET", "/user/al%C3%A9x").text()).as("reaches the handler")
			.contains("\"error_code\":\"002\"");
	}

	@Test
	void unknownPathAnswersTheNotFoundErrorBody() {
		ResponseEntity<String> response = this.rest.getForEntity("/no/such/path", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).isEqualTo("{\"error\":\"Not found\",\"error_code\":\"006\"}");
	}

}
