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
