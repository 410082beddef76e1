package io.videoserver.api.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class SearchApiTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aChineseAndAJapaneseTitleAreFoundByTwoCharacters() {
		Login login = this.api.register(Api.uniqueName("searcher"));
		String chinese = create(login, "{\"name\":\"北京烤鸭的做法\"}");
		String japanese = create(login, "{\"name\":\"東京タワーの夜景\"}");
		assertThat(ids(search("烤鸭"))).contains(chinese).doesNotContain(japanese);
		assertThat(ids(search("夜景"))).contains(japanese).doesNotContain(chinese);
		assertThat(ids(search("タワー"))).contains(japanese);
	}

	@Test
	void titlesDescriptionsAndTagsAreSearchedAndTheBestMatchComesFirst() {
		Login login = this.api.register(Api.uniqueName("searcher"));
		String word = uniqueWord();
		String inTag = create(login, "{\"name\":\"a\",\"tags\":[\"" + word + "\"]}");
		String inDescription = create(login, "{\"name\":\"b\",\"description\":\"about " + word + "\"}");
		String everywhere = create(login, "{\"name\":\"" + word + " " + word + "\",\"description\":\"" + word
				+ " again " + word + "\",\"tags\":[\"" + word + "\"]}");
		List<String> found = ids(search(word));
		assertThat(found).containsExactlyInAnyOrder(inTag, inDescription, everywhere);
		assertThat(found.get(0)).isEqualTo(everywhere);
	}

	@Test
	void aShortWordFindsItselfOnly() {
		Login login = this.api.register(Api.uniqueName("searcher"));
		String word = uniqueWord();
		String tv = create(login, "{\"name\":\"" + word + " on TV\"}");
		String tvs = create(login, "{\"name\":\"" + word + " tvs\"}");
		assertThat(ids(search("tv"))).contains(tv).doesNotContain(tvs);
	}

	@Test
	void searchPagesAreStableAndComplete() {
		Login login = this.api.register(Api.uniqueName("searcher"));
		String word = uniqueWord();
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			made.add(create(login, "{\"name\":\"" + word + " number " + i + "\"}"));
		}
		List<String> seen = new ArrayList<>();
		String next = null;
		int pages = 0;
		do {
			String uri = "/videos?q=" + word + "&limit=2" + ((next != null) ? "&before=" + next : "");
			JsonNode page = this.api.read(this.mvc.get().uri(uri).exchange());
			seen.addAll(ids(page));
			next = page.has("next") ? page.get("next").asString() : null;
			pages++;
		}
		while (next != null);
		assertThat(pages).isEqualTo(3);
		Collections.reverse(made);
		assertThat(seen).as("equal relevance: newest first").containsExactlyElementsOf(made);
	}

	@Test
	void operatorsQuotesAndPunctuationAreOnlySeparators() {
		Login login = this.api.register(Api.uniqueName("searcher"));
		String word = uniqueWord();
		String id = create(login, "{\"name\":\"" + word + "\"}");
		for (String query : List.of("+" + word + "*", "\"" + word + "\"", "-" + word, word + "') OR 1=1 --",
				"(" + word + ") @8 ~<>")) {
			assertThat(ids(search(query))).as(query).contains(id);
		}
		MvcTestResult onlyOperators = this.mvc.get().uri("/videos?q={q}", "+-\"*()~<>@").exchange();
		assertThat(onlyOperators).hasStatus(200);
		assertThat(this.api.read(onlyOperators).get("videos")).isEmpty();
	}

	@Test
	void aBlankQueryIsTheNormalListAndAnOverlongOneIs400() {
		Login login = this.api.register(Api.uniqueName("searcher"));
		String id = create(login, "{\"name\":\"newest of all\"}");
		assertThat(ids(search("   "))).first().isEqualTo(id);
		MvcTestResult tooLong = this.mvc.get().uri("/videos?q={q}", "x".repeat(201)).exchange();
		assertErrorBody(tooLong, 400, "001");
		assertThat(this.api.read(tooLong).get("error").asString()).isEqualTo("q must be at most 200 characters");
		assertThat(this.mvc.get().uri("/videos?q={q}", "x".repeat(200)).exchange()).hasStatus(200);
	}

	@Test
	void existingVideosAreIndexedByTheIndexer(@Autowired SearchIndexer indexer) {
		Login login = this.api.register(Api.uniqueName("searcher"));
		String word = uniqueWord();
		String id = create(login, "{\"name\":\"" + word + "\",\"tags\":[\"漢字です\"]}");
		this.jdbc.sql("UPDATE video_info SET search_text = NULL WHERE id = :id").param("id", id).update();
		assertThat(ids(search(word))).doesNotContain(id);
		assertThat(indexer.indexAll()).isPositive();
		assertThat(ids(search(word))).contains(id);
		assertThat(ids(search("漢字"))).contains(id);
	}

	@Test
	void aTagListHoldsPublicVideosWithThatTagNewestFirst() {
		Login login = this.api.register(Api.uniqueName("tagger"));
		String tag = uniqueWord();
		String older = create(login, "{\"name\":\"a\",\"tags\":[\"" + tag + "\"]}");
		String newer = create(login, "{\"name\":\"b\",\"tags\":[\"x\",\"" + tag.toUpperCase() + "\"]}");
		create(login, "{\"name\":\"c\",\"tags\":[\"" + tag + "\"],\"privacy\":\"unlisted\"}");
		create(login, "{\"name\":\"d\",\"tags\":[\"" + tag + "\"],\"privacy\":\"private\"}");
		create(login, "{\"name\":\"e\"}");
		JsonNode page = this.api.read(this.mvc.get().uri("/videos?tag={t}", " " + tag.toUpperCase() + " ").exchange());
		assertThat(ids(page)).containsExactly(newer, older);
		assertErrorBody(this.mvc.get().uri("/videos?tag={t}", "t".repeat(33)).exchange(), 400, "001");
	}

	@Test
	void orderViewsListsTheMostViewedFirstAndTiesNewestFirst() {
		Login login = this.api.register(Api.uniqueName("viewed"));
		String a = create(login, "{\"name\":\"a\"}");
		String b = create(login, "{\"name\":\"b\"}");
		String c = create(login, "{\"name\":\"c\"}");
		setViews(a, 5);
		setViews(b, 9);
		setViews(c, 5);
		List<String> seen = new ArrayList<>();
		String next = null;
		do {
			String uri = "/user/" + login.name() + "/videos?order=views&limit=1"
					+ ((next != null) ? "&before=" + next : "");
			JsonNode page = this.api.read(this.mvc.get().uri(uri).exchange());
			seen.addAll(ids(page));
			next = page.has("next") ? page.get("next").asString() : null;
		}
		while (next != null);
		assertThat(seen).containsExactly(b, c, a);
		JsonNode all = this.api.read(this.mvc.get().uri("/videos?order=views&limit=100").exchange());
		assertThat(ids(all)).containsSubsequence(b, c, a);
		assertThat(all.get("videos").get(0).get("views").asLong()).isGreaterThanOrEqualTo(9);
		assertErrorBody(this.mvc.get().uri("/videos?order=oldest").exchange(), 400, "001");
	}

	private void setViews(String id, long views) {
		this.jdbc.sql("UPDATE video_info SET view_count = :n WHERE id = :id")
			.param("n", views)
			.param("id", id)
			.update();
	}

	private static String uniqueWord() {
		return Api.uniqueName("w").replace("-", "x");
	}

	private String create(Login login, String body) {
		MvcTestResult result = login.sign(this.mvc.post().uri("/user/{name}/videos", login.name()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(201);
		return this.api.read(result).get("id").asString();
	}

	private JsonNode search(String query) {
		MvcTestResult result = this.mvc.get().uri("/videos?q={q}&limit=100", query).exchange();
		assertThat(result).hasStatus(200);
		return this.api.read(result);
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("videos").forEach((video) -> ids.add(video.get("id").asString()));
		return ids;
	}

}
