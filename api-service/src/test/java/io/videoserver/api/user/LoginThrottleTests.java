package io.videoserver.api.user;

import io.videoserver.api.Api;
import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.LegacyErrors.assertLegacyError;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "video.rate-limit=0", "video.login.max-failures-per-account=3",
		"video.login.max-failures-per-client=5" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, Api.class })
class LoginThrottleTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void guessingOneAccountLocksItEvenForTheRightPasswordAndOtherClientsToo() {
		String name = Api.uniqueName("target");
		this.api.register(name);
		for (int i = 0; i < 3; i++) {
			assertLegacyError(login(name, "guess-number-" + i, "10.0.0.1"), 401, "002");
		}
		MvcTestResult locked = login(name, Api.PASSWORD, "10.0.0.2");
		assertLegacyError(locked, 429, "010");
		assertThat(Long.parseLong(locked.getResponse().getHeader("Retry-After"))).isPositive();
	}

	@Test
	void oneClientGuessingManyAccountsIsStoppedAtItsOwnAllowance() {
		String client = "10.0.0.9";
		for (int i = 0; i < 5; i++) {
			String name = Api.uniqueName("spray");
			assertLegacyError(login(name, "wrong password", client), 401, "002");
		}
		String victim = Api.uniqueName("victim");
		this.api.register(victim);
		assertLegacyError(login(victim, Api.PASSWORD, client), 429, "010");
		assertThat(login(victim, Api.PASSWORD, "10.0.0.10")).hasStatus(200);
	}

	private MvcTestResult login(String name, String password, String client) {
		return this.mvc.post().uri("/user/" + name).with(request -> {
			request.setRemoteAddr(client);
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content(Api.credentials(name, password)).exchange();
	}

}
