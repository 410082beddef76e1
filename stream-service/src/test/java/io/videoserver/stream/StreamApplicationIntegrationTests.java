package io.videoserver.stream;

import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@Import(TestDatabase.class)
class StreamApplicationIntegrationTests {

	@Autowired
	private TestRestTemplate rest;

	@LocalManagementPort
	private int managementPort;

	@Test
	void readinessIsUpOnARealDatabase() {
		ResponseEntity<String> response = this.rest
			.getForEntity("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("UP");
	}

	@Test
	void unknownPathAnswersTheNotFoundErrorBody() {
		ResponseEntity<String> response = this.rest.getForEntity("/no/such/path", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).isEqualTo("{\"error\":\"Not found\",\"error_code\":\"006\"}");
	}

}
