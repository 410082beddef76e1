package io.videoserver.api.comment;

import java.util.ArrayList;
import java.util.List;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class CommentApiTests {

	private static final String MISSING_VIDEO = "00000000-0000-4000-8000-000000000000";

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void anyLoggedInUserMayCommentAndEveryoneReadsNewestFirst() {
		Login owner = this.api.register(Api.uniqueName("owner"));
		Login viewer = this.api.register(Api.uniqueName("viewer"));
		String vid = this.api.createVideo(owner, "talked about").get("id").asString();
		MvcTestResult posted = comment(viewer, vid, "{\"content\":\"first! \\u00e9\\ud83c\\udfac\"}");
		assertThat(posted).hasStatus(201);
		assertThat(posted).bodyJson().extractingPath("$.author").isEqualTo(viewer.name());
		assertThat(posted).bodyJson().extractingPath("$.video_id").isEqualTo(vid);
		assertThat(posted).bodyJson().extractingPath("$.content").isEqualTo("first! é🎬");
		assertThat(posted).bodyJson().extractingPath("$").asMap().containsKeys("id", "time", "author_id");
		assertThat(comment(owner, vid, "{\"content\":\"thanks\"}")).hasStatus(201);
		JsonNode comments = this.api.read(this.mvc.get().uri("/videos/{v}/comments", vid).exchange()).get("comments");
		List<String> contents = new ArrayList<>();
		comments.forEach(c -> contents.add(c.get("content").asString()));
		assertThat(contents).containsExactly("thanks", "first! é🎬");
	}

	@Test
	void commentsPageWithTheNextCursor() {
		Login owner = this.api.register(Api.uniqueName("owner"));
		String vid = this.api.createVideo(owner, "busy").get("id").asString();
		for (int i = 0; i < 5; i++) {
			assertThat(comment(owner, vid, "{\"content\":\"c" + i + "\"}")).hasStatus(201);
		}
		JsonNode first = this.api.read(this.mvc.get().uri("/videos/{v}/comments?limit=3", vid).exchange());
		assertThat(first.get("comments")).hasSize(3);
		JsonNode second = this.api.read(this.mvc.get()
			.uri("/videos/{v}/comments?limit=3&before={b}", vid, first.get("next").asString())
			.exchange());
		assertThat(second.get("comments")).hasSize(2);
		assertThat(second.has("next")).isFalse();
		assertThat(second.get("comments").get(1).get("content").asString()).isEqualTo("c0");
	}

	@Test
	void contentMustBe1To2000Characters() {
		Login owner = this.api.register(Api.uniqueName("owner"));
		String vid = this.api.createVideo(owner, "strict").get("id").asString();
		assertErrorBody(comment(owner, vid, "{\"content\":\"\"}"), 400, "001");
		assertErrorBody(comment(owner, vid, "{}"), 400, "001");
		assertErrorBody(comment(owner, vid, "{\"content\":\"" + "x".repeat(2001) + "\"}"), 400, "001");
		assertThat(comment(owner, vid, "{\"content\":\"" + "x".repeat(2000) + "\"}")).hasStatus(201);
	}

	@Test
	void commentingNeedsASessionAnExistingVideoAndOnesOwnAuthorId() {
		Login owner = this.api.register(Api.uniqueName("owner"));
		String vid = this.api.createVideo(owner, "guarded").get("id").asString();
		assertErrorBody(this.mvc.post()
			.uri("/videos/{v}/comments", vid)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"content\":\"hi\"}")
			.exchange(), 401, "002");
		assertErrorBody(comment(owner, MISSING_VIDEO, "{\"content\":\"hi\"}"), 404, "006");
		assertErrorBody(comment(owner, "not-an-id", "{\"content\":\"hi\"}"), 400, "001");
		assertErrorBody(comment(owner, vid, "{\"content\":\"hi\",\"author_id\":999999}"), 403, "007");
	}

	@Test
	void commentsOfAMissingVideoAnswer404() {
		assertErrorBody(this.mvc.get().uri("/videos/{v}/comments", MISSING_VIDEO).exchange(), 404, "006");
	}

	private MvcTestResult comment(Login login, String vid, String body) {
		return login.sign(this.mvc.post().uri("/videos/{v}/comments", vid))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
