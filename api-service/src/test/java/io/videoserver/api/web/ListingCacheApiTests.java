package io.videoserver.api.web;

import java.util.ArrayList;
import java.util.List;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists as a reader sees them with the list cache on: a write made through this
 * replica is in the very next read of every list it changes, although each list was read
 * (and kept) just before; a row written by someone else (another replica, the
 * stream-service) shows within the cache's ttl.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.list-cache.ttl=1s" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, Api.class })
class ListingCacheApiTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Api api;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aNewVideoIsInTheNextReadOfBothListsOfThisReplica() {
		Login login = this.api.register(Api.uniqueName("maker"));
		String first = this.api.createVideo(login, "first").get("id").asString();
		assertThat(ids("/user/" + login.name() + "/videos")).containsExactly(first);
		assertThat(ids("/videos?limit=100")).contains(first);
		String second = this.api.createVideo(login, "second").get("id").asString();
		assertThat(ids("/user/" + login.name() + "/videos")).containsExactly(second, first);
		assertThat(ids("/videos?limit=100")).startsWith(second, first);
	}

	@Test
	void aNewCommentIsInTheNextReadOfItsList() {
		Login login = this.api.register(Api.uniqueName("talker"));
		String vid = this.api.createVideo(login, "talked about").get("id").asString();
		String first = comment(login, vid, "one");
		assertThat(commentIds(vid)).containsExactly(first);
		String second = comment(login, vid, "two");
		assertThat(commentIds(vid)).containsExactly(second, first);
	}

	@Test
	void aDeletedVideoLeavesEveryListAtOnceAndItsCommentsAnswer404() {
		Login login = this.api.register(Api.uniqueName("deleter"));
		String vid = this.api.createVideo(login, "short-lived").get("id").asString();
		comment(login, vid, "bye");
		assertThat(ids("/user/" + login.name() + "/videos")).containsExactly(vid);
		assertThat(ids("/videos?limit=100")).contains(vid);
		assertThat(commentIds(vid)).hasSize(1);
		assertThat(login.sign(this.mvc.delete().uri("/user/{n}/videos/{id}", login.name(), vid)).exchange())
			.hasStatus(204);
		assertThat(ids("/user/" + login.name() + "/videos")).isEmpty();
		assertThat(ids("/videos?limit=100")).doesNotContain(vid);
		assertErrorBody(this.mvc.get().uri("/videos/{id}/comments", vid).exchange(), 404, "006");
	}

	@Test
	void aRowWrittenElsewhereShowsWithinTheTtl() throws InterruptedException {
		Login login = this.api.register(Api.uniqueName("remote"));
		String local = this.api.createVideo(login, "local").get("id").asString();
		assertThat(ids("/user/" + login.name() + "/videos")).containsExactly(local);
		String remote = VideoIds.newId();
		this.jdbc.sql("""
				INSERT INTO video_info (id, author_id, name)
				SELECT :id, id, 'from another replica' FROM users WHERE login_name = :name""")
			.param("id", remote)
			.param("name", login.name())
			.update();
		long deadline = System.nanoTime() + 3_000_000_000L;
		List<String> seen = ids("/user/" + login.name() + "/videos");
		while (!seen.contains(remote) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			seen = ids("/user/" + login.name() + "/videos");
		}
		assertThat(seen).containsExactly(remote, local);
	}

	@Test
	void theOwnersViewOfTheirListIsKeptApartFromEveryoneElses() {
		Login login = this.api.register(Api.uniqueName("hider"));
		String vid = create(login, "{\"name\":\"hidden\",\"privacy\":\"private\"}");
		String own = "/user/" + login.name() + "/videos";
		assertThat(ids(own)).as("anonymous first, so a shared entry would be served next").isEmpty();
		assertThat(field(login, own, "videos")).containsExactly(vid);
		assertThat(ids(own)).isEmpty();
	}

	@Test
	void aPatchIsInTheNextReadOfEveryListItChangesTagListsToo() {
		Login login = this.api.register(Api.uniqueName("patcher"));
		String tag = Api.uniqueName("t").replace("-", "x");
		String vid = create(login, "{\"name\":\"tagged\",\"tags\":[\"" + tag + "\"]}");
		String own = "/user/" + login.name() + "/videos";
		assertThat(ids("/videos?tag=" + tag)).containsExactly(vid);
		assertThat(ids(own)).containsExactly(vid);
		assertThat(ids("/videos?limit=100&order=views")).contains(vid);
		patch(login, vid, "{\"tags\":[\"other\"]}");
		assertThat(ids("/videos?tag=" + tag)).as("the old tag's list").isEmpty();
		patch(login, vid, "{\"tags\":[\"" + tag + "\"]}");
		assertThat(ids("/videos?tag=" + tag)).as("the new tag's list").containsExactly(vid);
		patch(login, vid, "{\"privacy\":\"unlisted\"}");
		assertThat(ids(own)).isEmpty();
		assertThat(ids("/videos?limit=100")).doesNotContain(vid);
		assertThat(ids("/videos?limit=100&order=views")).doesNotContain(vid);
		assertThat(ids("/videos?tag=" + tag)).isEmpty();
		assertThat(field(login, own, "videos")).containsExactly(vid);
	}

	private String create(Login login, String body) {
		MvcTestResult created = login.sign(this.mvc.post().uri("/user/{n}/videos", login.name()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(created).hasStatus(201);
		return this.api.read(created).get("id").asString();
	}

	private void patch(Login login, String vid, String body) {
		assertThat(login.sign(this.mvc.patch().uri("/user/{n}/videos/{v}", login.name(), vid))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange()).hasStatus(200);
	}

	private List<String> field(Login reader, String path, String list) {
		MvcTestResult page = reader.sign(this.mvc.get().uri(path)).exchange();
		assertThat(page).hasStatus(200);
		List<String> ids = new ArrayList<>();
		this.api.read(page).get(list).forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private String comment(Login login, String vid, String content) {
		MvcTestResult posted = login.sign(this.mvc.post().uri("/videos/{id}/comments", vid))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"content\":\"" + content + "\"}")
			.exchange();
		assertThat(posted).hasStatus(201);
		return this.api.read(posted).get("id").asString();
	}

	private List<String> commentIds(String vid) {
		return field("/videos/" + vid + "/comments", "comments");
	}

	private List<String> ids(String path) {
		return field(path, "videos");
	}

	private List<String> field(String path, String list) {
		MvcTestResult page = this.mvc.get().uri(path).exchange();
		assertThat(page).hasStatus(200);
		JsonNode body = this.api.read(page);
		List<String> ids = new ArrayList<>();
		body.get(list).forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

}
