package io.videoserver.api.user;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class UserApiTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void registerAnswers201WithASessionAndAnHttpOnlyStrictCookie() {
		String name = Api.uniqueName("reg");
		MvcTestResult result = post("/user", Api.credentials(name, Api.PASSWORD));
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().extractingPath("$.success").isEqualTo(true);
		String sessionId = this.api.read(result).get("session_id").asString();
		assertThat(sessionId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(result.getResponse().getHeader("Set-Cookie")).contains("video_session=" + sessionId)
			.contains("HttpOnly")
			.contains("SameSite=Strict");
	}

	@Test
	void passwordsAreStoredAsBcryptHashesNeverInClear() {
		String name = Api.uniqueName("hash");
		this.api.register(name);
		String stored = this.jdbc.sql("SELECT pwd FROM users WHERE login_name = :n")
			.param("n", name)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("$2").doesNotContain(Api.PASSWORD);
	}

	@Test
	void registerWithATakenNameAnswers409() {
		String name = Api.uniqueName("taken");
		this.api.register(name);
		assertErrorBody(post("/user", Api.credentials(name, "another password")), 409, "005");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"user_name\":\"\",\"pwd\":\"long enough\"}",
			"{\"user_name\":\"bad name!\",\"pwd\":\"long enough\"}",
			"{\"user_name\":\"../etc\",\"pwd\":\"long enough\"}",
			"{\"user_name\":\"x' OR '1'='1\",\"pwd\":\"long enough\"}", "{\"user_name\":\"ok\",\"pwd\":\"short\"}",
			"{\"user_name\":\"ok\"}", "{\"pwd\":\"long enough\"}", "{not json", "", "[]" })
	void registerWithBadInputAnswers400(String body) {
		assertErrorBody(post("/user", body), 400, "001");
	}

	@Test
	void registerWithAnOverlongNameOrPasswordAnswers400() {
		assertErrorBody(post("/user", Api.credentials("a".repeat(65), Api.PASSWORD)), 400, "001");
		assertErrorBody(post("/user", Api.credentials(Api.uniqueName("long"), "p".repeat(257))), 400, "001");
	}

	@Test
	void passwordsUpTo256CharactersWorkInFull() {
		String name = Api.uniqueName("longpwd");
		String password = "p".repeat(255) + "1";
		assertThat(post("/user", Api.credentials(name, password))).hasStatus(201);
		assertThat(post("/user/" + name, Api.credentials(name, password))).hasStatus(200);
		assertErrorBody(post("/user/" + name, Api.credentials(name, "p".repeat(255) + "2")), 401, "002");
	}

	@Test
	void registerWithAnotherContentTypeAnswers415() {
		MvcTestResult result = this.mvc.post().uri("/user").contentType(MediaType.TEXT_PLAIN).content("x").exchange();
		assertErrorBody(result, 415, "009");
	}

	@Test
	void loginWithTheRightPasswordAnswersANewSession() {
		String name = Api.uniqueName("login");
		Login first = this.api.register(name);
		MvcTestResult result = post("/user/" + name, Api.credentials(name, Api.PASSWORD));
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.success").isEqualTo(true);
		assertThat(this.api.read(result).get("session_id").asString()).isNotEqualTo(first.sessionId());
	}

	@Test
	void loginWithAWrongPasswordOrUnknownUserAnswersTheSame401() throws Exception {
		String name = Api.uniqueName("enum");
		this.api.register(name);
		MvcTestResult wrongPassword = post("/user/" + name, Api.credentials(name, "wrong password"));
		String unknown = Api.uniqueName("nobody");
		MvcTestResult unknownUser = post("/user/" + unknown, Api.credentials(unknown, "wrong password"));
		assertErrorBody(wrongPassword, 401, "002");
		assertErrorBody(unknownUser, 401, "002");
		assertThat(wrongPassword.getResponse().getContentAsString())
			.isEqualTo(unknownUser.getResponse().getContentAsString());
	}

	@Test
	void loginWhosePathAndBodyNamesDifferAnswers401() {
		String name = Api.uniqueName("mismatch");
		this.api.register(name);
		assertErrorBody(post("/user/someone-else", Api.credentials(name, Api.PASSWORD)), 401, "002");
	}

	@Test
	void getOwnAccountAnswersIdAndName() {
		String name = Api.uniqueName("me");
		Login login = this.api.register(name);
		MvcTestResult result = login.sign(this.mvc.get().uri("/user/" + name)).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.user_name").isEqualTo(name);
		assertThat(result).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsOnlyKeys("id", "user_name", "quota_bytes", "used_bytes");
	}

	@Test
	void getOwnAccountAnswersTheQuotaAndTheStorageItsVideosTake() {
		String name = Api.uniqueName("quota");
		Login login = this.api.register(name);
		MvcTestResult fresh = login.sign(this.mvc.get().uri("/user/" + name)).exchange();
		assertThat(fresh).bodyJson().extractingPath("$.quota_bytes").asNumber().isEqualTo(10L * 1024 * 1024 * 1024);
		assertThat(fresh).bodyJson().extractingPath("$.used_bytes").asNumber().isEqualTo(0);
		String first = this.api.createVideo(login, "one").get("id").asString();
		String second = this.api.createVideo(login, "two").get("id").asString();
		this.api.createVideo(login, "no file yet");
		this.jdbc.sql("UPDATE video_info SET file_size = 1500 WHERE id = :id").param("id", first).update();
		this.jdbc.sql("UPDATE video_info SET file_size = 2500 WHERE id = :id").param("id", second).update();
		this.jdbc.sql("UPDATE users SET quota_bytes = 100000 WHERE login_name = :name").param("name", name).update();
		MvcTestResult used = login.sign(this.mvc.get().uri("/user/" + name)).exchange();
		assertThat(used).bodyJson().extractingPath("$.quota_bytes").asNumber().isEqualTo(100000);
		assertThat(used).bodyJson().extractingPath("$.used_bytes").asNumber().isEqualTo(4000);
	}

	@Test
	void getOwnAccountWorksWithTheCookieAlone() {
		String name = Api.uniqueName("cookie");
		Login login = this.api.register(name);
		MvcTestResult result = this.mvc.get()
			.uri("/user/" + name)
			.cookie(new Cookie("video_session", login.sessionId()))
			.exchange();
		assertThat(result).hasStatus(200);
	}

	@Test
	void getAnotherUsersAccountAnswers403() {
		Login me = this.api.register(Api.uniqueName("me"));
		String other = Api.uniqueName("other");
		this.api.register(other);
		assertErrorBody(me.sign(this.mvc.get().uri("/user/" + other)).exchange(), 403, "007");
	}

	@Test
	void getAccountWithoutAValidSessionAnswers401() {
		String name = Api.uniqueName("anon");
		Login login = this.api.register(name);
		assertErrorBody(this.mvc.get().uri("/user/" + name).exchange(), 401, "002");
		assertErrorBody(this.mvc.get()
			.uri("/user/" + name)
			.header("X-Session-Id", "00000000-0000-4000-8000-000000000000")
			.header("X-User-Name", name)
			.exchange(), 401, "002");
		assertErrorBody(this.mvc.get().uri("/user/" + name).header("X-Session-Id", login.sessionId()).exchange(), 401,
				"002");
	}

	@Test
	void aSessionPresentedUnderAnotherNameAnswers401() {
		Login mine = this.api.register(Api.uniqueName("owner"));
		String victim = Api.uniqueName("victim");
		this.api.register(victim);
		MvcTestResult result = this.mvc.get()
			.uri("/user/" + victim)
			.header("X-Session-Id", mine.sessionId())
			.header("X-User-Name", victim)
			.exchange();
		assertErrorBody(result, 401, "002");
	}

	private MvcTestResult post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

}
