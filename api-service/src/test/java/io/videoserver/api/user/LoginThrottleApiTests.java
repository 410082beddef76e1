package io.videoserver.api.user;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.videoserver.api.Api;
import io.videoserver.api.Http;
import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Password guessing over real connections, each test's clients named by a trusted proxy
 * (this machine) in {@code X-Forwarded-For}: 3 failures per account and address, 6 per
 * address, 10 per account, per hour (so that no attempt refills during a slow run).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.trusted-proxies=127.0.0.1",
				"video.login.max-failures-per-account-and-client=3", "video.login.max-failures-per-client=6",
				"video.login.max-failures-per-account=10", "video.login.window=1h" })
@Import(TestDatabase.class)
class LoginThrottleApiTests {

	private static final int GUESSERS = 50;

	@LocalServerPort
	private int port;

	@MockitoSpyBean
	private PasswordHasher hasher;

	private Http http;

	@BeforeEach
	void connect() {
		this.http = new Http(this.port);
	}

	@Test
	void parallelWrongGuessesAreRefusedBeyondTheAllowanceBeforeAnyHashing() throws Exception {
		String name = Api.uniqueName("parallel");
		this.http.register(name);
		clearInvocations(this.hasher);
		CyclicBarrier start = new CyclicBarrier(GUESSERS);
		ExecutorService pool = Executors.newFixedThreadPool(GUESSERS);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < GUESSERS; i++) {
				String guess = "wrong guess " + i;
				answers.add(pool.submit(() -> {
					start.await();
					return this.http.logIn(name, guess, "198.51.100.1");
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				statuses.add(answer.get().statusCode());
			}
			assertThat(statuses).containsOnly(401, 429);
			assertThat(statuses).filteredOn(status -> status == 401).hasSize(3);
		}
		finally {
			pool.shutdownNow();
		}
		verify(this.hasher, times(3)).matches(anyString(), anyString());
	}

	@Test
	void aStrangersFailuresDoNotStopTheOwnerLoggingInFromTheirAddress() {
		String name = Api.uniqueName("owner");
		this.http.register(name);
		List<Integer> stranger = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			stranger.add(this.http.logIn(name, "wrong guess " + i, "203.0.113.66").statusCode());
		}
		assertThat(stranger).containsExactly(401, 401, 401, 429, 429, 429, 429, 429, 429, 429);
		assertThat(this.http.logIn(name, Api.PASSWORD, "198.51.100.2").statusCode()).isEqualTo(200);
	}

	@Test
	void theRightPasswordGivesTheReservedAttemptBack() {
		String name = Api.uniqueName("back");
		this.http.register(name);
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.logIn(name, Api.PASSWORD, "198.51.100.3").statusCode()).isEqualTo(200);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(this.http.logIn(name, "wrong guess " + i, "198.51.100.3").statusCode()).isEqualTo(401);
		}
		HttpResponse<String> refused = this.http.logIn(name, Api.PASSWORD, "198.51.100.3");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("\"error_code\":\"010\"");
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
	}

	@Test
	void oneAddressGuessingManyAccountsIsStoppedAtItsOwnAllowance() {
		String client = "198.51.100.4";
		for (int i = 0; i < 6; i++) {
			assertThat(this.http.logIn(Api.uniqueName("spray"), "wrong password", client).statusCode()).isEqualTo(401);
		}
		String victim = Api.uniqueName("victim");
		this.http.register(victim);
		assertThat(this.http.logIn(victim, Api.PASSWORD, client).statusCode()).isEqualTo(429);
		assertThat(this.http.logIn(victim, Api.PASSWORD, "198.51.100.5").statusCode()).isEqualTo(200);
	}

	@Test
	void guessesSpreadOverManyAddressesStopAtTheAccountsCeiling() {
		String name = Api.uniqueName("ceiling");
		this.http.register(name);
		for (int i = 0; i < 10; i++) {
			assertThat(this.http.logIn(name, "wrong guess " + i, "192.0.2." + (10 + i)).statusCode()).isEqualTo(401);
		}
		assertThat(this.http.logIn(name, "wrong guess", "192.0.2.99").statusCode()).isEqualTo(429);
	}

	@Test
	void theRightMostAddressNotOfATrustedProxyIsTheClient() {
		String name = Api.uniqueName("rightmost");
		this.http.register(name);
		for (int i = 0; i < 3; i++) {
			String forwarded = "10.9.9." + i + ", 198.51.100.6, 127.0.0.1";
			assertThat(this.http.logIn(name, "wrong guess " + i, forwarded).statusCode()).isEqualTo(401);
		}
		assertThat(this.http.logIn(name, Api.PASSWORD, "10.9.9.77, 198.51.100.6").statusCode()).isEqualTo(429);
		assertThat(this.http.logIn(name, Api.PASSWORD, "198.51.100.7").statusCode()).isEqualTo(200);
	}

}
