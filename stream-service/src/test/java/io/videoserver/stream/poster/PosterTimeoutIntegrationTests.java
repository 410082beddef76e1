package io.videoserver.stream.poster;

import java.awt.Color;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;

import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;

/**
 * A poster that does not decode in time costs the upload its poster, never its answer.
 */
@TestPropertySource(properties = "video.poster.timeout=1s")
class PosterTimeoutIntegrationTests extends StreamIntegrationTest {

	@MockitoBean
	FrameDecoder decoder;

	@Test
	void uploadWhoseDecodeHangsIsStoredWithoutAPosterAfterTheTimeout() throws Exception {
		given(this.decoder.decode(any(), anyDouble(), anyLong())).willAnswer((invocation) -> {
			Thread.sleep(Long.MAX_VALUE);
			return null;
		});
		String user = uniqueName("slow");
		String vid = createVideo(createUser(user));
		String session = createSession(user, false);
		byte[] video = H264Mp4.solid(64, 48, 1, Color.RED, Color.RED);
		// more than the pool's one thread: the next ones wait
		for (int i = 0; i < 3; i++) {
			int status = send(HttpRequest.newBuilder(uri("/videos/" + vid))
				.timeout(Duration.ofSeconds(30))
				.header("X-Session-Id", session)
				.header("X-User-Name", user)
				.PUT(BodyPublishers.ofByteArray(video))
				.build()).statusCode();
			assertThat(status).isEqualTo(201);
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM video_poster WHERE video_id = :id")
			.param("id", vid)
			.query(Integer.class)
			.single()).isZero();
	}

}
