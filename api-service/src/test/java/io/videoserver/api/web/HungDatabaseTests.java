package io.videoserver.api.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
 * The database hangs under a running api-service (its server frozen with SIGSTOP: open
 * connections stay open and nothing answers, as with a hung server or a partition), then
 * runs on. Every request, also one on a connection the pool handed out before the freeze,
 * answers 503/012 with {@code Retry-After} within the bound (the driver's socket timeout,
 * {@code VIDEO_DB_TIMEOUT_MS}, 2 s here, plus the pool's 3 s wait), readiness goes down
 * and comes back, and nothing committed before is lost.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.list-cache.ttl=0",
				"spring.datasource.hikari.data-source-properties.socketTimeout=2000", "video.health.db-cache-ttl=0s" })
class HungDatabaseTests {

	/**
	 * The socket timeout, the pool's wait for a connection, and room for a busy machine.
	 */
	private static final Duration BOUND = Duration.ofSeconds(9);

	private static final StoppableDatabase DATABASE = new StoppableDatabase("hung");

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
		DATABASE.thaw();
		DATABASE.stop();
	}

	@Test
	void everyRequestAnswersWithinTheBoundWhileTheDatabaseHangsAndAllRecoversAfterwards() throws Exception {
		String name = Api.uniqueName("patient");
		assertThat(this.http.send("POST", "/user", Api.credentials(name, Api.PASSWORD)).statusCode()).isEqualTo(201);
		// warm connections, so that some requests below run on a pooled connection that
		// the pool believes alive
		for (int i = 0; i < 8; i++) {
			assertThat(this.http.get("/videos").statusCode()).isEqualTo(200);
		}

		Duration longest = Duration.ZERO;
		DATABASE.freeze();
		try {
			List<CompletableFuture<Timed>> during = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				during.add(CompletableFuture.supplyAsync(() -> timed("GET", "/videos", "")));
				during.add(CompletableFuture.supplyAsync(() -> timed("GET", "/user/" + name + "/videos", "")));
			}
			during.add(CompletableFuture
				.supplyAsync(() -> timed("POST", "/user", Api.credentials(Api.uniqueName("late"), Api.PASSWORD))));
			for (CompletableFuture<Timed> request : during) {
				Timed answer = request.get();
				longest = (answer.took().compareTo(longest) > 0) ? answer.took() : longest;
				assertThat(answer.took()).as("answer time while the database hangs").isLessThan(BOUND);
				assertThat(answer.response().statusCode()).isEqualTo(503);
				assertThat(answer.response().body()).contains("\"error_code\":\"012\"");
				assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
			}
			long probeStart = System.nanoTime();
			assertThat(this.management.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
			assertThat(Duration.ofNanos(System.nanoTime() - probeStart)).isLessThan(BOUND);
			assertThat(this.management.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			DATABASE.thaw();
		}

		long thawed = System.nanoTime();
		int status = 0;
		for (int i = 0; i < 60 && status != 200; i++) {
			status = this.http.get("/user/" + name + "/videos").statusCode();
			if (status != 200) {
				Thread.sleep(250);
			}
		}
		assertThat(status).isEqualTo(200);
		Duration recovery = Duration.ofNanos(System.nanoTime() - thawed);
		assertThat(this.management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		// the figures docs/faults.md reports for this scenario
		System.out.printf("hung database: longest answer %d ms during the freeze, a list answered 200 %d ms after it%n",
				longest.toMillis(), recovery.toMillis());
		assertThat(this.http.send("POST", "/user/" + name, Api.credentials(name, Api.PASSWORD)).statusCode())
			.isEqualTo(200);
	}

	private Timed timed(String method, String path, String body) {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(method, path, body);
		return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
	}

	private record Timed(HttpResponse<String> response, Duration took) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HungDatabase {

		@Bean
		JdbcConnectionDetails hungDatabase() {
			return DATABASE.connectionDetails();
		}

	}

}
