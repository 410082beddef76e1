package io.videoserver.api.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.videoserver.api.Api;
import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registrations racing for one name over real connections: the unique key decides.
 */
@ApiTest
class ConcurrentRegistrationTests {

	private static final int RACERS = 8;

	@LocalServerPort
	private int port;

	@RepeatedTest(5)
	void concurrentRegistrationsOfOneNameGiveExactlyOne201() throws Exception {
		String name = Api.uniqueName("race");
		HttpClient client = HttpClient.newHttpClient();
		CyclicBarrier start = new CyclicBarrier(RACERS);
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < RACERS; i++) {
				answers.add(pool.submit(register(client, start, name)));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				statuses.add(response.statusCode());
				if (response.statusCode() == 409) {
					assertThat(response.body()).contains("\"error_code\":\"005\"");
				}
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Callable<HttpResponse<String>> register(HttpClient client, CyclicBarrier start, String name) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/user"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Api.credentials(name, Api.PASSWORD)))
			.build();
		return () -> {
			start.await();
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		};
	}

}
