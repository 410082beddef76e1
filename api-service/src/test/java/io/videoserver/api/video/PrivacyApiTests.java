package io.videoserver.api.video;

import java.util.ArrayList;
import java.util.List;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per api path a private video must not leak through: invisible to anonymous
 * readers and other users, visible to its owner; an unlisted one fetchable by its id but
 * in no list or search.
 */
@ApiTest
class PrivacyApiTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	private Login owner;

	private Login other;

	private String word;

	private String publicId;

	private String unlistedId;

	private String privateId;

	@BeforeEach
	void videos() {
		this.owner = this.api.register(Api.uniqueName("owner"));
		this.other = this.api.register(Api.uniqueName("other"));
		this.word = Api.uniqueName("p").replace("-", "x");
		this.publicId = create("public");
		this.unlistedId = create("unlisted");
		this.privateId = create("private");
	}

	@Test
	void theListOfAllVideosHoldsPublicOnes() {
		for (Login reader : new Login[] { null, this.other, this.owner }) {
			List<String> ids = ids(get("/videos?limit=100", reader));
			assertThat(ids).contains(this.publicId).doesNotContain(this.unlistedId, this.privateId);
		}
	}

	@Test
	void aUsersListShowsTheOwnerAllAndOthersPublicOnly() {
		String uri = "/user/" + this.owner.name() + "/videos";
		assertThat(ids(get(uri, this.owner))).containsExactly(this.privateId, this.unlistedId, this.publicId);
		assertThat(ids(get(uri, this.other))).containsExactly(this.publicId);
		assertThat(ids(get(uri, null))).containsExactly(this.publicId);
		assertThat(ids(get(uri + "?order=views", this.owner))).hasSize(3);
		assertThat(ids(get(uri + "?order=views", null))).containsExactly(this.publicId);
	}

	@Test
	void searchFindsPublicOnesOnly() {
		for (Login reader : new Login[] { null, this.other, this.owner }) {
			assertThat(ids(get("/videos?q=" + this.word, reader))).containsExactly(this.publicId);
		}
	}

	@Test
	void aTagListHoldsPublicOnesOnly() {
		for (Login reader : new Login[] { null, this.other, this.owner }) {
			assertThat(ids(get("/videos?tag=" + this.word, reader))).containsExactly(this.publicId);
		}
	}

	@Test
	void getOfAPrivateVideoIs404ButToItsOwner() {
		assertErrorBody(get("/videos/" + this.privateId, null), 404, "006");
		assertErrorBody(get("/videos/" + this.privateId, this.other), 404, "006");
		assertThat(get("/videos/" + this.privateId, this.owner)).hasStatus(200);
		assertThat(get("/videos/" + this.unlistedId, null)).hasStatus(200);
		assertThat(get("/videos/" + this.unlistedId, this.other)).hasStatus(200);
	}

	@Test
	void anUnknownOrExpiredSessionReadsAsAnonymousNotAs401() {
		MvcTestResult stale = this.mvc.get()
			.uri("/videos/" + this.publicId)
			.header("X-Session-Id", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")
			.header("X-User-Name", this.owner.name())
			.exchange();
		assertThat(stale).hasStatus(200);
		assertErrorBody(this.mvc.get()
			.uri("/videos/" + this.privateId)
			.header("X-Session-Id", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")
			.header("X-User-Name", this.owner.name())
			.exchange(), 404, "006");
	}

	@Test
	void theCommentsOfAPrivateVideoAre404ButToItsOwner() {
		String uri = "/videos/" + this.privateId + "/comments";
		assertErrorBody(get(uri, null), 404, "006");
		assertErrorBody(get(uri, this.other), 404, "006");
		assertThat(get(uri, this.owner)).hasStatus(200);
		assertThat(get("/videos/" + this.unlistedId + "/comments", null)).hasStatus(200);
	}

	@Test
	void onlyTheOwnerMayCommentOnAPrivateVideo() {
		assertErrorBody(comment(this.privateId, this.other), 404, "006");
		assertThat(comment(this.privateId, this.owner)).hasStatus(201);
		assertThat(comment(this.unlistedId, this.other)).hasStatus(201);
		assertThat(ids(get("/videos/" + this.privateId + "/comments", this.owner), "comments")).hasSize(1);
	}

	@Test
	void thePosterOfAPrivateVideoIs404ButToItsOwner() {
		String uri = "/videos/" + this.privateId + "/poster";
		assertErrorBody(get(uri, null), 404, "006");
		assertErrorBody(get(uri, this.other), 404, "006");
		MvcTestResult own = get(uri, this.owner);
		assertThat(own).hasStatus(200);
		assertThat(own.getResponse().getHeader("Cache-Control")).contains("private");
		assertThat(get("/videos/" + this.unlistedId + "/poster", null)).hasStatus(200);
	}

	@Test
	void makingAVideoPrivateTakesItOutOfEveryListAtOnce() {
		String uri = "/user/" + this.owner.name() + "/videos";
		assertThat(ids(get(uri, null))).containsExactly(this.publicId);
		MvcTestResult patched = this.owner.sign(this.mvc.patch().uri(uri + "/" + this.publicId))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"privacy\":\"private\"}")
			.exchange();
		assertThat(patched).hasStatus(200);
		assertThat(ids(get(uri, null))).isEmpty();
		assertThat(ids(get("/videos?q=" + this.word, null))).isEmpty();
		assertThat(ids(get("/videos?tag=" + this.word, null))).isEmpty();
		assertErrorBody(get("/videos/" + this.publicId, null), 404, "006");
	}

	private String create(String privacy) {
		MvcTestResult result = this.owner.sign(this.mvc.post().uri("/user/{name}/videos", this.owner.name()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + privacy + " " + this.word + "\",\"tags\":[\"" + this.word + "\"],\"privacy\":\""
					+ privacy + "\"}")
			.exchange();
		assertThat(result).hasStatus(201);
		return this.api.read(result).get("id").asString();
	}

	private MvcTestResult comment(String id, Login login) {
		return login.sign(this.mvc.post().uri("/videos/{v}/comments", id))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"content\":\"hello\"}")
			.exchange();
	}

	private MvcTestResult get(String uri, Login reader) {
		MockMvcRequestBuilder request = this.mvc.get().uri(uri);
		return (reader != null) ? reader.sign(request).exchange() : request.exchange();
	}

	private List<String> ids(MvcTestResult result) {
		return ids(result, "videos");
	}

	private List<String> ids(MvcTestResult result, String field) {
		assertThat(result).hasStatus(200);
		List<String> ids = new ArrayList<>();
		this.api.read(result).get(field).forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

}
