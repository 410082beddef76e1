package io.videoserver.api.user;

import java.util.Optional;

import io.videoserver.api.ControllerTest;
import io.videoserver.api.session.Sessions;
import io.videoserver.api.session.SignedIn;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

@ControllerTest(UserController.class)
class UserControllerTests {

	private static final String SESSION = "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private UserService users;

	@MockitoBean
	private Sessions sessions;

	@Test
	void registerAnswers201WithTheSessionInTheBodyAndAStrictHttpOnlyCookie() {
		given(this.users.register("alice", "long enough")).willReturn(SESSION);
		MvcTestResult result = post("/user", "{\"user_name\":\"alice\",\"pwd\":\"long enough\"}");
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"success\":true,\"session_id\":\"" + SESSION + "\"}");
		assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("video_session=" + SESSION + ";")
			.contains("Max-Age=1800")
			.contains("HttpOnly")
			.contains("SameSite=Strict");
	}

	@Test
	void registerWithATakenNameAnswers409() {
		given(this.users.register("alice", "long enough"))
			.willThrow(new ApiException(ErrorCode.ALREADY_EXISTS, "User name is already taken"));
		assertErrorBody(post("/user", "{\"user_name\":\"alice\",\"pwd\":\"long enough\"}"), 409, "005");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"user_name\":\"\",\"pwd\":\"long enough\"}",
			"{\"user_name\":\"bad name!\",\"pwd\":\"long enough\"}",
			"{\"user_name\":\"../etc\",\"pwd\":\"long enough\"}",
			"{\"user_name\":\"x' OR '1'='1\",\"pwd\":\"long enough\"}", "{\"user_name\":\"ok\",\"pwd\":\"short\"}",
			"{\"user_name\":\"ok\"}", "{\"pwd\":\"long enough\"}", "{not json", "", "[]" })
	void registerWithBadInputAnswers400BeforeTheServiceIsAsked(String body) {
		assertErrorBody(post("/user", body), 400, "001");
		then(this.users).should(never()).register(anyString(), anyString());
	}

	@Test
	void registerWithAnotherContentTypeAnswers415() {
		MvcTestResult result = this.mvc.post().uri("/user").contentType(MediaType.TEXT_PLAIN).content("x").exchange();
		assertErrorBody(result, 415, "009");
	}

	@Test
	void loginAnswers200WithANewSession() {
		given(this.users.logIn("alice", "long enough", "127.0.0.1")).willReturn(SESSION);
		MvcTestResult result = post("/user/alice", "{\"user_name\":\"alice\",\"pwd\":\"long enough\"}");
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"success\":true,\"session_id\":\"" + SESSION + "\"}");
		assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("video_session=" + SESSION);
	}

	@Test
	void loginWithAWrongPasswordAnswers401() {
		given(this.users.logIn("alice", "long enough", "127.0.0.1"))
			.willThrow(new ApiException(ErrorCode.NOT_AUTHENTICATED, "User name or password is not correct"));
		assertErrorBody(post("/user/alice", "{\"user_name\":\"alice\",\"pwd\":\"long enough\"}"), 401, "002");
	}

	@Test
	void loginWhosePathAndBodyNamesDifferAnswers401WithoutAskingTheService() {
		assertErrorBody(post("/user/bob", "{\"user_name\":\"alice\",\"pwd\":\"long enough\"}"), 401, "002");
		then(this.users).should(never()).logIn(anyString(), anyString(), anyString());
	}

	@Test
	void loginWithAnInvalidNameInThePathAnswers400() {
		MvcTestResult result = this.mvc.post()
			.uri("/user/{name}", "bad'name")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"user_name\":\"bad'name\",\"pwd\":\"long enough\"}")
			.exchange();
		assertErrorBody(result, 400, "001");
	}

	@Test
	void getOwnAccountAnswersItsFields() {
		SignedIn alice = SignedIn.as(this.sessions, 7, "alice", SESSION);
		given(this.users.find("alice")).willReturn(Optional.of(new UserResponse(7, "alice", 1000, 250)));
		MvcTestResult result = alice.sign(this.mvc.get().uri("/user/alice")).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson()
			.isStrictlyEqualTo("{\"id\":7,\"user_name\":\"alice\",\"quota_bytes\":1000,\"used_bytes\":250}");
	}

	@Test
	void getOwnAccountWithTheCookieAloneAnswers200WithoutANewCookieEarlyInTheSession() {
		SignedIn alice = SignedIn.as(this.sessions, 7, "alice", SESSION);
		given(this.users.find("alice")).willReturn(Optional.of(new UserResponse(7, "alice", 1000, 250)));
		MvcTestResult result = alice.withCookie(this.mvc.get().uri("/user/alice")).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).doesNotContainHeader("Set-Cookie");
	}

	@Test
	void aCookieSessionThatTheCheckRenewedGetsARenewedCookie() {
		SignedIn alice = SignedIn.renewing(this.sessions, 7, "alice", SESSION);
		given(this.users.find("alice")).willReturn(Optional.of(new UserResponse(7, "alice", 1000, 250)));
		MvcTestResult result = alice.withCookie(this.mvc.get().uri("/user/alice")).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("video_session=" + SESSION + ";")
			.contains("Max-Age=1800")
			.contains("HttpOnly")
			.contains("SameSite=Strict");
	}

	@Test
	void getAnotherUsersAccountAnswers403() {
		SignedIn alice = SignedIn.as(this.sessions, 7, "alice", SESSION);
		assertErrorBody(alice.sign(this.mvc.get().uri("/user/bob")).exchange(), 403, "007");
	}

	@Test
	void getAnAccountThatIsGoneAnswers404() {
		SignedIn alice = SignedIn.as(this.sessions, 7, "alice", SESSION);
		given(this.users.find("alice")).willReturn(Optional.empty());
		assertErrorBody(alice.sign(this.mvc.get().uri("/user/alice")).exchange(), 404, "006");
	}

	@Test
	void getAccountWithoutASessionAnswers401() {
		assertErrorBody(this.mvc.get().uri("/user/alice").exchange(), 401, "002");
		assertErrorBody(this.mvc.get().uri("/user/alice").header("X-Session-Id", "not-a-uuid").exchange(), 401, "002");
	}

	private MvcTestResult post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

}
