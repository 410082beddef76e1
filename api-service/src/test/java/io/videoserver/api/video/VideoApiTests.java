package io.videoserver.api.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class VideoApiTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void createAnswers201WithTheOriginalsFields() {
		Login login = this.api.register(Api.uniqueName("maker"));
		JsonNode video = this.api.createVideo(login, "My first video");
		assertThat(video.get("id").asString()).matches("[0-9a-f-]{36}");
		assertThat(video.get("name").asString()).isEqualTo("My first video");
		assertThat(video.get("author").asString()).isEqualTo(login.name());
		assertThat(video.get("author_id").asLong()).isPositive();
		assertThat(video.get("display_ctime").asString()).matches("[A-Z][a-z]{2} \\d{2} \\d{4}, \\d{2}:\\d{2}:\\d{2}");
		assertThat(video.get("create_time").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*Z");
	}

	@Test
	void createForAnotherUserOrWithAForeignAuthorIdAnswers403() {
		Login login = this.api.register(Api.uniqueName("maker"));
		String other = Api.uniqueName("other");
		this.api.register(other);
		assertErrorBody(login.sign(this.mvc.post().uri("/user/{n}/videos", other))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}")
			.exchange(), 403, "007");
		assertErrorBody(login.sign(this.mvc.post().uri("/user/{n}/videos", login.name()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"author_id\":999999}")
			.exchange(), 403, "007");
	}

	@Test
	void createWithoutASessionAnswers401() {
		String name = Api.uniqueName("anon");
		this.api.register(name);
		assertErrorBody(this.mvc.post()
			.uri("/user/{n}/videos", name)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}")
			.exchange(), 401, "002");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}" })
	void createWithoutANameAnswers400(String body) {
		Login login = this.api.register(Api.uniqueName("maker"));
		assertErrorBody(login.sign(this.mvc.post().uri("/user/{n}/videos", login.name()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange(), 400, "001");
	}

	@Test
	void getAnswersTheVideoOr404() {
		Login login = this.api.register(Api.uniqueName("maker"));
		String id = this.api.createVideo(login, "findable").get("id").asString();
		MvcTestResult found = this.mvc.get().uri("/videos/" + id).exchange();
		assertThat(found).hasStatus(200);
		assertThat(found).bodyJson().extractingPath("$.name").isEqualTo("findable");
		assertErrorBody(this.mvc.get().uri("/videos/00000000-0000-4000-8000-000000000000").exchange(), 404, "006");
	}

	@Test
	void getShowsWhatTheStreamServiceReadFromTheFileOnceUploaded() {
		Login login = this.api.register(Api.uniqueName("maker"));
		String id = this.api.createVideo(login, "measured").get("id").asString();
		MvcTestResult before = this.mvc.get().uri("/videos/" + id).exchange();
		assertThat(before).bodyJson().doesNotHavePath("$.size").doesNotHavePath("$.duration_ms");
		assertThat(before).bodyJson().doesNotHavePath("$.width").doesNotHavePath("$.codec");
		this.jdbc
			.sql("""
					UPDATE video_info SET file_size = 300000, duration_ms = 75500, width = 1280, height = 720, codec = 'avc1'
					WHERE id = :id""")
			.param("id", id)
			.update();
		MvcTestResult after = this.mvc.get().uri("/videos/" + id).exchange();
		assertThat(after).bodyJson().extractingPath("$.size").isEqualTo(300000);
		assertThat(after).bodyJson().extractingPath("$.duration_ms").isEqualTo(75500);
		assertThat(after).bodyJson().extractingPath("$.width").isEqualTo(1280);
		assertThat(after).bodyJson().extractingPath("$.height").isEqualTo(720);
		assertThat(after).bodyJson().extractingPath("$.codec").isEqualTo("avc1");
		assertThat(this.mvc.get().uri("/videos").exchange()).bodyJson()
			.extractingPath("$.videos[?(@.id == '" + id + "')].duration_ms")
			.asArray()
			.containsExactly(75500);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "0B0A6A0E-3F57-4C8A-9D57-5D0F8F2F6A11",
			"1%27%20OR%20%271%27%3D%271", "%C3%A9t%C3%A9" })
	void malformedIdsAnswer400BeforeAnyQuery(String id) {
		assertErrorBody(this.mvc.get().uri("/videos/" + id).exchange(), 400, "001");
	}

	@Test
	void listsAreNewestFirstAndPageWithoutGapsOrRepeats() {
		Login login = this.api.register(Api.uniqueName("pager"));
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add(this.api.createVideo(login, "video " + i).get("id").asString());
		}
		List<String> seen = new ArrayList<>();
		String before = null;
		do {
			MvcTestResult page = this.mvc.get()
				.uri("/user/{n}/videos?limit=3" + ((before != null) ? "&before=" + before : ""), login.name())
				.exchange();
			assertThat(page).hasStatus(200);
			JsonNode body = this.api.read(page);
			body.get("videos").forEach(video -> seen.add(video.get("id").asString()));
			before = body.has("next") ? body.get("next").asString() : null;
		}
		while (before != null);
		Collections.reverse(created);
		assertThat(seen).containsExactlyElementsOf(created);
	}

	@Test
	void theGlobalListShowsEveryonesVideosNewestFirst() {
		String first = this.api.createVideo(this.api.register(Api.uniqueName("a")), "older").get("id").asString();
		String second = this.api.createVideo(this.api.register(Api.uniqueName("b")), "newer").get("id").asString();
		JsonNode videos = this.api.read(this.mvc.get().uri("/videos?limit=100").exchange()).get("videos");
		List<String> ids = new ArrayList<>();
		videos.forEach(video -> ids.add(video.get("id").asString()));
		assertThat(ids).containsSubsequence(second, first);
	}

	@Test
	void anEmptyListIsAnEmptyArray() {
		Login login = this.api.register(Api.uniqueName("empty"));
		MvcTestResult result = this.mvc.get().uri("/user/{n}/videos", login.name()).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().isLenientlyEqualTo("{\"videos\":[]}");
		assertThat(result).bodyJson().extractingPath("$").asMap().doesNotContainKey("next");
	}

	@Test
	void listOfAnUnknownUserAnswers404() {
		assertErrorBody(this.mvc.get().uri("/user/{n}/videos", Api.uniqueName("ghost")).exchange(), 404, "006");
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "limit=abc", "before=garbage", "before=bm90LWEtY3Vyc29y" })
	void badPagingParametersAnswer400(String query) {
		assertErrorBody(this.mvc.get().uri("/videos?" + query).exchange(), 400, "001");
	}

	@Test
	void deleteByTheOwnerRemovesMetadataAndCommentsAndQueuesTheFile() {
		Login owner = this.api.register(Api.uniqueName("owner"));
		String id = this.api.createVideo(owner, "doomed").get("id").asString();
		assertThat(owner.sign(this.mvc.post().uri("/videos/{id}/comments", id))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"content\":\"bye\"}")
			.exchange()).hasStatus(201);
		assertThat(owner.sign(this.mvc.delete().uri("/user/{n}/videos/{id}", owner.name(), id)).exchange())
			.hasStatus(204);
		assertErrorBody(this.mvc.get().uri("/videos/" + id).exchange(), 404, "006");
		assertThat(count("SELECT COUNT(*) FROM comments WHERE video_id = :id", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM video_del_rec WHERE video_id = :id", id)).isOne();
		assertErrorBody(owner.sign(this.mvc.delete().uri("/user/{n}/videos/{id}", owner.name(), id)).exchange(), 404,
				"006");
	}

	@Test
	void deleteBySomeoneElseAnswers403AndKeepsTheVideo() {
		Login owner = this.api.register(Api.uniqueName("owner"));
		Login intruder = this.api.register(Api.uniqueName("intruder"));
		String id = this.api.createVideo(owner, "precious").get("id").asString();
		assertErrorBody(intruder.sign(this.mvc.delete().uri("/user/{n}/videos/{id}", intruder.name(), id)).exchange(),
				403, "007");
		assertErrorBody(intruder.sign(this.mvc.delete().uri("/user/{n}/videos/{id}", owner.name(), id)).exchange(), 403,
				"007");
		assertErrorBody(this.mvc.delete().uri("/user/{n}/videos/{id}", owner.name(), id).exchange(), 401, "002");
		assertThat(this.mvc.get().uri("/videos/" + id).exchange()).hasStatus(200);
		assertThat(count("SELECT COUNT(*) FROM video_del_rec WHERE video_id = :id", id)).isZero();
	}

	private int count(String sql, String id) {
		return this.jdbc.sql(sql).param("id", id).query(Integer.class).single();
	}

}
