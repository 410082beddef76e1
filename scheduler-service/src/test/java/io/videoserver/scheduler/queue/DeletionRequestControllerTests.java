package io.videoserver.scheduler.queue;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original's queue endpoint over HTTP, on a real database; the runner's first round
 * is an hour away, so queued rows stay put.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.internal-token=s3cret-token", "video.scheduler.interval=1h" })
@AutoConfigureTestRestTemplate
@Import(TestDatabase.class)
class DeletionRequestControllerTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void getWithTheInternalTokenQueuesTheVideo() {
		String id = VideoIds.newId();
		ResponseEntity<String> response = call(HttpMethod.GET, id, "Bearer s3cret-token");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("{\"video_id\":\"" + id + "\"}");
		assertThat(queued(id)).isOne();
	}

	@Test
	void postQueuesTooAndQueueingTwiceIsHarmless() {
		String id = VideoIds.newId();
		assertThat(call(HttpMethod.POST, id, "Bearer s3cret-token").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(HttpMethod.POST, id, "Bearer s3cret-token").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(queued(id)).isOne();
	}

	@Test
	void queueingAParkedVideoAgainGivesItFreshAttempts() {
		String id = VideoIds.newId();
		this.jdbc.sql("INSERT INTO video_del_rec (video_id, attempts, parked, last_error) VALUES (:id, 10, TRUE, 'x')")
			.param("id", id)
			.update();
		assertThat(call(HttpMethod.GET, id, "Bearer s3cret-token").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.jdbc.sql("SELECT attempts, parked, last_error FROM video_del_rec WHERE video_id = :id")
			.param("id", id)
			.query()
			.singleRow()).containsEntry("attempts", 0).containsEntry("parked", false).containsEntry("last_error", null);
	}

	@Test
	void videoThatStillExistsIsRefused() {
		String id = VideoIds.newId();
		this.jdbc.sql("INSERT INTO video_info (id, author_id, name) VALUES (:id, 1, 'live')").param("id", id).update();
		ResponseEntity<String> response = call(HttpMethod.POST, id, "Bearer s3cret-token");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getBody()).contains("\"error_code\":\"005\"");
		assertThat(queued(id)).isZero();
	}

	@Test
	void malformedIdIsRejectedBeforeItTouchesTheDatabase() {
		for (String id : new String[] { "not-a-uuid", VideoIds.newId().toUpperCase(), "..%2F..%2Fetc" }) {
			ResponseEntity<String> response = call(HttpMethod.GET, id, "Bearer s3cret-token");
			assertThat(response.getStatusCode()).as(id).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).as(id).contains("\"error_code\":\"001\"");
			assertThat(queued(id)).isZero();
		}
	}

	@Test
	void missingOrWrongTokenIsNotAuthenticated() {
		String id = VideoIds.newId();
		for (String authorization : new String[] { null, "Bearer wrong", "s3cret-token", "Basic s3cret-token" }) {
			ResponseEntity<String> response = call(HttpMethod.GET, id, authorization);
			assertThat(response.getStatusCode()).as(String.valueOf(authorization)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getBody()).contains("\"error_code\":\"002\"");
		}
		assertThat(queued(id)).isZero();
	}

	private ResponseEntity<String> call(HttpMethod method, String id, String authorization) {
		HttpHeaders headers = new HttpHeaders();
		if (authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
		return this.rest.exchange("/video-delete-record/" + id, method, new HttpEntity<>(headers), String.class);
	}

	private int queued(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_del_rec WHERE video_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
