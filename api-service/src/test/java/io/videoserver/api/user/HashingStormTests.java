package io.videoserver.api.user;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.api.Api;
import io.videoserver.api.Http;
import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storm of sign-ups over real connections against a pool of one hashing thread and one
 * place in its queue, the thread held by the test: everything beyond the queue is refused
 * at once, and lists keep answering meanwhile.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.hash.threads=1", "video.hash.queue=1",
				"video.hash.timeout=30s" })
@Import(TestDatabase.class)
class HashingStormTests {

	private static final int STORM = 20;

	@LocalServerPort
	private int port;

	@Autowired
	private HashingPool hashing;

	@Autowired
	private MeterRegistry meters;

	private final ExecutorService clients = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private Http http;

	@BeforeEach
	void connect() {
		this.http = new Http(this.port);
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.clients.shutdownNow();
	}

	@Test
	void signUpsBeyondTheQueueAnswer503AtOnceWhileListsStillAnswer() throws Exception {
		String known = Api.uniqueName("calm");
		this.http.register(known);
		this.clients.submit(() -> this.hashing.run(this::holdTheThread));
		waitUntilHashing();
		ExecutorCompletionService<HttpResponse<String>> storm = new ExecutorCompletionService<>(this.clients);
		CyclicBarrier start = new CyclicBarrier(STORM);
		for (int i = 0; i < STORM; i++) {
			String name = Api.uniqueName("storm");
			storm.submit(() -> {
				start.await();
				return this.http.send("POST", "/user", Api.credentials(name, Api.PASSWORD));
			});
		}
		List<HttpResponse<String>> refused = new ArrayList<>();
		for (int i = 0; i < STORM - 1; i++) {
			refused.add(storm.take().get());
		}
		// still full: the last sign-up waits in the queue behind the held hash
		assertThat(this.http.send("GET", "/videos", "").statusCode()).isEqualTo(200);
		assertBusy(this.http.send("POST", "/user/" + known, Api.credentials(known, Api.PASSWORD)));
		refused.forEach(HashingStormTests::assertBusy);
		this.release.countDown();
		assertThat(storm.poll(30, TimeUnit.SECONDS).get().statusCode()).isEqualTo(201);
		assertThat(this.http.send("POST", "/user/" + known, Api.credentials(known, Api.PASSWORD)).statusCode())
			.isEqualTo(200);
		assertThat(this.meters.get("video.hash.rejected").tag("reason", "queue-full").counter().count())
			.isEqualTo(STORM);
	}

	private static void assertBusy(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"error_code\":\"012\"");
		assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
	}

	private boolean holdTheThread() {
		try {
			return this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void waitUntilHashing() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.meters.get("video.hash.active").gauge().value() < 1 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.meters.get("video.hash.active").gauge().value()).isOne();
	}

}
