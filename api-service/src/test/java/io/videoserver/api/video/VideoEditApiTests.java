package io.videoserver.api.video;

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
class VideoEditApiTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void createTakesADescriptionNormalisedTagsAndPrivacy() {
		Login login = this.api.register(Api.uniqueName("editor"));
		MvcTestResult result = create(login,
				"""
						{"name":"Cooking","description":"How to cook rice","tags":[" Food ","HOW  to","food"],"privacy":"unlisted"}""");
		assertThat(result).hasStatus(201);
		JsonNode video = this.api.read(result);
		assertThat(video.get("description").asString()).isEqualTo("How to cook rice");
		assertThat(video.get("tags").toString()).isEqualTo("[\"food\",\"how to\"]");
		assertThat(video.get("privacy").asString()).isEqualTo("unlisted");
		assertThat(video.get("views").asLong()).isZero();
		JsonNode fetched = this.api.read(this.mvc.get().uri("/videos/{v}", video.get("id").asString()).exchange());
		assertThat(fetched.get("tags").toString()).isEqualTo("[\"food\",\"how to\"]");
	}

	@Test
	void aVideoWithoutDescriptionOrTagsIsPublicWithAnEmptyTagList() {
		JsonNode video = this.api.createVideo(this.api.register(Api.uniqueName("editor")), "plain");
		assertThat(video.has("description")).isFalse();
		assertThat(video.get("tags").isArray()).isTrue();
		assertThat(video.get("tags")).isEmpty();
		assertThat(video.get("privacy").asString()).isEqualTo("public");
	}

	@Test
	void badFieldsAnswer400NamingTheFieldAndItsLimit() {
		Login login = this.api.register(Api.uniqueName("editor"));
		String elevenTags = "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]";
		assertError(create(login, "{\"name\":\"x\",\"description\":\"" + "d".repeat(5001) + "\"}"),
				"description must be at most 5000 characters");
		assertError(create(login, "{\"name\":\"x\",\"tags\":" + elevenTags + "}"), "tags must be at most 10");
		assertError(create(login, "{\"name\":\"x\",\"tags\":[\"" + "t".repeat(33) + "\"]}"), "1-32 characters");
		assertError(create(login, "{\"name\":\"x\",\"tags\":[\"  \"]}"), "1-32 characters");
		assertError(create(login, "{\"name\":\"x\",\"privacy\":\"secret\"}"),
				"privacy must be public, unlisted or private");
	}

	@Test
	void theOwnerPatchesAnyFieldAndWhatIsLeftOutStays() {
		Login login = this.api.register(Api.uniqueName("editor"));
		String id = this.api.read(create(login, "{\"name\":\"Old\",\"description\":\"about\",\"tags\":[\"one\"]}"))
			.get("id")
			.asString();
		MvcTestResult renamed = patch(login, login.name(), id, "{\"name\":\"New\"}");
		assertThat(renamed).hasStatus(200);
		assertThat(renamed).bodyJson().extractingPath("$.name").isEqualTo("New");
		assertThat(renamed).bodyJson().extractingPath("$.description").isEqualTo("about");
		MvcTestResult changed = patch(login, login.name(), id,
				"{\"description\":\"\",\"tags\":[\"Two\",\"three\"],\"privacy\":\"private\"}");
		JsonNode video = this.api.read(changed);
		assertThat(video.has("description")).as("an empty description removes it").isFalse();
		assertThat(video.get("tags").toString()).isEqualTo("[\"three\",\"two\"]");
		assertThat(video.get("privacy").asString()).isEqualTo("private");
		assertThat(video.get("name").asString()).isEqualTo("New");
	}

	@Test
	void patchAnswers400401403And404() {
		Login owner = this.api.register(Api.uniqueName("editor"));
		Login other = this.api.register(Api.uniqueName("other"));
		String id = this.api.createVideo(owner, "mine").get("id").asString();
		assertError(patch(owner, owner.name(), id, "{\"name\":\"\"}"), "name must be 1-200 characters");
		assertError(patch(owner, owner.name(), id, "{\"privacy\":\"everyone\"}"),
				"privacy must be public, unlisted or private");
		assertError(patch(owner, owner.name(), id, "{\"tags\":[\"" + "t".repeat(40) + "\"]}"), "1-32 characters");
		assertErrorBody(this.mvc.patch()
			.uri("/user/{n}/videos/{v}", owner.name(), id)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}")
			.exchange(), 401, "002");
		assertErrorBody(patch(other, other.name(), id, "{\"name\":\"stolen\"}"), 403, "007");
		assertErrorBody(patch(other, owner.name(), id, "{\"name\":\"stolen\"}"), 403, "007");
		assertErrorBody(patch(owner, owner.name(), "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11", "{\"name\":\"x\"}"), 404,
				"006");
		assertThat(this.api.read(this.mvc.get().uri("/videos/{v}", id).exchange()).get("name").asString())
			.isEqualTo("mine");
	}

	private MvcTestResult create(Login login, String body) {
		return login.sign(this.mvc.post().uri("/user/{name}/videos", login.name()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(Login login, String userName, String id, String body) {
		return login.sign(this.mvc.patch().uri("/user/{name}/videos/{v}", userName, id))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private void assertError(MvcTestResult result, String message) {
		assertErrorBody(result, 400, "001");
		assertThat(this.api.read(result).get("error").asString()).contains(message);
	}

}
