package io.videoserver.shared.testservice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promises every service keeps alike once booted on a real database (readiness on the
 * management port, the original's healthz path and 404 body on the service port), written
 * once: each service's {@code *ApplicationIntegrationTests} extends this class with its
 * own {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class AbstractServiceIntegrationTests {

	private static final String LEGACY_NOT_FOUND = "{\"error\":\"Not found\",\"error_code\":\"006\"}";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void readinessIsUpOnARealDatabase() throws IOException, InterruptedException {
		HttpResponse<String> response = get(management("/actuator/health/readiness"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("UP");
	}

	@Test
	void originalHealthzPathAnswersLikeLiveness() throws IOException, InterruptedException {
		HttpResponse<String> response = get(service("/api/v1/healthz"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("UP");
	}

	@Test
	void unknownPathAnswersTheNotFoundErrorBody() throws IOException, InterruptedException {
		HttpResponse<String> response = get(service("/no/such/path"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo(LEGACY_NOT_FOUND);
	}

	@Test
	void actuatorIsNotOnTheServicePort() throws IOException, InterruptedException {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		HttpResponse<String> response = get(service("/actuator/health"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo(LEGACY_NOT_FOUND);
	}

	/** The port the service answers its clients on. */
	protected int port() {
		return this.port;
	}

	/** The address of an Actuator path, on the management port. */
	protected String management(String path) {
		return "http://127.0.0.1:" + this.managementPort + path;
	}

	private String service(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static HttpResponse<String> get(String address) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(10)).build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
