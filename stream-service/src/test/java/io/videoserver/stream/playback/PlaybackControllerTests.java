package io.videoserver.stream.playback;

import java.util.Locale;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The MVC path checks the id once and plays through the same {@link PlaybackHandler} as
 * the {@link PlaybackFilter}; a malformed id never reaches the handler.
 */
class PlaybackControllerTests {

	private final PlaybackHandler handler = mock(PlaybackHandler.class);

	private final PlaybackController controller = new PlaybackController(this.handler);

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/videos/x");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void playsAWellFormedIdThroughTheHandler() throws Exception {
		String vid = VideoIds.newId();
		this.controller.play(vid, this.request, this.response);
		verify(this.handler).play(new VideoId(vid), this.request, this.response);
	}

	@Test
	void refusesAMalformedIdBeforeTheHandler() {
		String upper = VideoIds.newId().toUpperCase(Locale.ROOT);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.controller.play(upper, this.request, this.response))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_REQUEST));
		verifyNoInteractions(this.handler);
	}

}
