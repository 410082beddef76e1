package io.videoserver.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.videoserver.launcher.ServiceProcess;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import io.videoserver.shared.testdb.TestDatabaseServer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slowloris against the api-service's jar, as {@link StreamSlowClientTests} does against
 * the stream-service: hundreds of connections that stall in their request head or trickle
 * a body (to the anonymous sign-up, which must read it) must not keep other clients from
 * being answered, and are closed once the timeout passes.
 */
class ApiSlowClientTests {

	private static final Logger log = LoggerFactory.getLogger(ApiSlowClientTests.class);

	/** Production's timeout is 10 s; short here so that the test waits for it. */
	private static final Duration IDLE = Duration.ofSeconds(3);

	private static final long TRICKLE_MILLIS = 500;

	private static final int CLIENTS = 150;

	/**
	 * Production's settings but for short timeouts and far fewer Tomcat threads than
	 * trickling clients, so that a trickle holding a thread would starve everyone else.
	 */
	private static final Map<String, String> SETTINGS = Map.of("VIDEO_RATE_LIMIT", "0", "SERVER_TOMCAT_THREADS_MAX",
			"16", "SERVER_TOMCAT_CONNECTION_TIMEOUT", IDLE.toSeconds() + "s", "SERVER_TOMCAT_KEEP_ALIVE_TIMEOUT",
			IDLE.toSeconds() + "s");

	/** An upper bound that proves "closed by the timeout". */
	private static final Duration CLOSED_WITHIN = Duration.ofSeconds(20);

	/** How long the bystanders may wait: "promptly", far below the trickles' lifetime. */
	private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void stalledHeadsAndTricklingBodiesShouldNotStarveOtherClientsAndShouldBeClosed() throws Exception {
		TestDatabaseHandle database = TestDatabaseServer.shared().createDatabase();
		Map<String, String> env = new HashMap<>(SETTINGS);
		env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", database.username());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
		List<SlowClient> stalled = new ArrayList<>();
		List<SlowClient> trickling = new ArrayList<>();
		try (ServiceProcess api = ServiceJars.start("api-service", "api-slowloris", ServiceJars.freePort(), env,
				Path.of("target", "e2e-logs"))) {
			api.awaitReady(Duration.ofSeconds(150));
			for (int i = 0; i < CLIENTS; i++) {
				stalled.add(SlowClient.connect(api.service().port())
					.send("POST /user HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"));
				trickling.add(SlowClient.connect(api.service().port())
					.send("POST /user HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
							+ "Content-Length: 1000\r\n\r\n{\"user_name\":\""));
			}
			trickler.scheduleWithFixedDelay(() -> trickling.forEach((client) -> client.trickle((byte) 'a')),
					TRICKLE_MILLIS, TRICKLE_MILLIS, TimeUnit.MILLISECONDS);
			Thread.sleep(TRICKLE_MILLIS * 2);

			long start = System.nanoTime();
			assertThat(
					send(api, HttpRequest.newBuilder(URI.create(api.service().url() + "/videos")).GET()).statusCode())
				.isEqualTo(200);
			HttpResponse<String> signUp = send(api,
					HttpRequest.newBuilder(URI.create(api.service().url() + "/user"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers
							.ofString("{\"user_name\":\"bystander\",\"pwd\":\"bystander-password-1\"}")));
			assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
			log.info("A list and a sign-up answered in {} ms beside {} stalled heads and {} trickling bodies",
					(System.nanoTime() - start) / 1_000_000, CLIENTS, CLIENTS);

			Duration slowest = Duration.ZERO;
			for (SlowClient client : trickling) {
				client.awaitEnd(CLOSED_WITHIN);
				assertThat(client.received()).startsWith("HTTP/1.1 408 ").endsWith("\"error_code\":\"001\"}");
			}
			for (SlowClient client : stalled) {
				Duration end = client.awaitEnd(CLOSED_WITHIN);
				slowest = (end.compareTo(slowest) > 0) ? end : slowest;
			}
			log.info("Stalled heads closed at most {} ms after their last byte", slowest.toMillis());
			assertThat(
					send(api, HttpRequest.newBuilder(URI.create(api.service().url() + "/videos")).GET()).statusCode())
				.isEqualTo(200);
		}
		finally {
			trickler.shutdownNow();
			for (SlowClient client : stalled) {
				client.close();
			}
			for (SlowClient client : trickling) {
				client.close();
			}
		}
	}

	private HttpResponse<String> send(ServiceProcess api, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		return this.http.send(request.timeout(ANSWERED_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
	}

}
