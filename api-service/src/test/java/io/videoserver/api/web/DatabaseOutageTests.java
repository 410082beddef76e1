package io.videoserver.api.web;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.videoserver.api.Api;
import io.videoserver.api.Http;
import io.videoserver.shared.testdb.StoppableDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private Http http;

	private Http management;

	@BeforeEach
	void connect() {
		this.http = new Http(this.port);
		this.management = new Http(this.managementPort);
	}

	@AfterAll
	static void stopDatabase() throws Exception {
		DATABASE.stop();
	}

	@Test
	void requestsAnswer503WhileTheDatabaseIsDownAndRecoverAfterwards() throws Exception {
		String name = Api.uniqueName("survivor");
		assertThat(this.http.send("POST", "/user", Api.credentials(name, Api.PASSWORD)).statusCode()).isEqualTo(201);

		DATABASE.stop();
		long start = System.nanoTime();
		HttpResponse<String> down = this.http.get("/videos");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body())
			.isEqualTo("{\"error\":\"Database unavailable, try again shortly\",\"error_code\":\"012\"}");
		assertThat(down.headers().firstValue("Retry-After")).isPresent();
		assertThat(this.management.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(this.management.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		DATABASE.start();
		int status = 0;
		for (int i = 0; i < 60 && status != 200; i++) {
			status = this.http.get("/videos").statusCode();
			if (status != 200) {
				Thread.sleep(500);
			}
		}
		assertThat(status).isEqualTo(200);
		assertThat(this.http.send("POST", "/user/" + name, Api.credentials(name, Api.PASSWORD)).statusCode())
			.isEqualTo(200);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OutageDatabase {

		@Bean
		JdbcConnectionDetails stoppableDatabase() {
			return DATABASE.connectionDetails();
		}

	}

}
