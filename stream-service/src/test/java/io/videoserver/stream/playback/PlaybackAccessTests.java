package io.videoserver.stream.playback;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import io.videoserver.stream.session.SessionUsers;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What playback does when it cannot read a video's privacy: it answers 503/012 with a
 * retry, and never guesses that the video is public.
 */
class PlaybackAccessTests {

	@Test
	void databaseAwayAnswersUnavailableNeverPublic() {
		// Nothing listens on port 1: every connection is refused at once.
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:mysql://127.0.0.1:1/none"));
		PlaybackAccess access = new PlaybackAccess(jdbc, new SessionUsers(jdbc));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> access.require(new VideoId(VideoIds.newId()), new MockHttpServletRequest()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE);
				assertThat(ex.retryAfterSeconds()).isPositive();
			});
	}

	@Test
	void onlyPublicAndUnlistedPlayForAnyone() {
		assertThat(new PlaybackAccess.VideoRow("public", "a").isPlayableByAnyone()).isTrue();
		assertThat(new PlaybackAccess.VideoRow("unlisted", "a").isPlayableByAnyone()).isTrue();
		assertThat(new PlaybackAccess.VideoRow("private", "a").isPlayableByAnyone()).isFalse();
		assertThat(new PlaybackAccess.VideoRow("PUBLIC", "a").isPlayableByAnyone()).isFalse();
		assertThat(new PlaybackAccess.VideoRow("", null).isPlayableByAnyone()).isFalse();
	}

}
