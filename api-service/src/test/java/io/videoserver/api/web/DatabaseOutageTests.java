package io.videoserver.api.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import io.videoserver.api.Api;
import io.videoserver.shared.testdb.StoppableDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running api-service and comes back: requests answer
 * 503/012 promptly instead of hanging, readiness drops, and everything recovers by itself
 * with no committed write lost. It runs on an embedded MariaDB of its own, the one server
 * a test may stop.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "video.rate-limit.requests-per-second=0")
class DatabaseOutageTests {

	private static final StoppableDatabase DATABASE = new StoppableDatabase("outage");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@AfterAll
	static void stopDatabase() throws Exception {
		DATABASE.stop();
	}

	@Test
	void requestsAnswer503WhileTheDatabaseIsDownAndRecoverAfterwards() throws Exception {
		String name = Api.uniqueName("survivor");
		assertThat(send("POST", "/user", Api.credentials(name, Api.PASSWORD)).statusCode()).isEqualTo(201);

		DATABASE.stop();
		long start = System.nanoTime();
		HttpResponse<String> down = send("GET", "/videos", null);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body())
			.isEqualTo("{\"error\":\"Database unavailable, try again shortly\",\"error_code\":\"012\"}");
		assertThat(down.headers().firstValue("Retry-After")).isPresent();
		assertThat(probe("/actuator/health/readiness")).isEqualTo(503);
		assertThat(probe("/actuator/health/liveness")).isEqualTo(200);

		DATABASE.start();
		int status = 0;
		for (int i = 0; i < 60 && status != 200; i++) {
			status = send("GET", "/videos", null).statusCode();
			if (status != 200) {
				Thread.sleep(500);
			}
		}
		assertThat(status).isEqualTo(200);
		assertThat(send("POST", "/user/" + name, Api.credentials(name, Api.PASSWORD)).statusCode()).isEqualTo(200);
	}

	private int probe(String path) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OutageDatabase {

		@Bean
		JdbcConnectionDetails stoppableDatabase() {
			return DATABASE.connectionDetails();
		}

	}

}
