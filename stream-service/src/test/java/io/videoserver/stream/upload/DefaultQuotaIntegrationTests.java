package io.videoserver.stream.upload;

import java.net.http.HttpResponse;

import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configured quota applies to every user without one of their own, and a user's own
 * quota ({@code users.quota_bytes}) overrides it either way.
 */
@TestPropertySource(properties = "video.upload.user-quota=100KB")
class DefaultQuotaIntegrationTests extends StreamIntegrationTest {

	@Test
	void theDefaultQuotaAppliesAndAUserOverrideReplacesIt() throws Exception {
		String user = uniqueName("default");
		long id = createUser(user);
		String session = createSession(user, false);
		String vid = createVideo(id);
		HttpResponse<String> refused = send(put(vid, mp4(150_000, 1), session, user).build());
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("102400 bytes left");
		this.jdbc.sql("UPDATE users SET quota_bytes = 200000 WHERE id = :id").param("id", id).update();
		assertThat(send(put(vid, mp4(150_000, 1), session, user).build()).statusCode()).isEqualTo(201);
		this.jdbc.sql("UPDATE users SET quota_bytes = 1000 WHERE id = :id").param("id", id).update();
		HttpResponse<String> lowered = send(put(createVideo(id), mp4(2000, 2), session, user).build());
		assertThat(lowered.statusCode()).isEqualTo(413);
		assertThat(lowered.body()).contains(": 0 bytes left");
	}

}
