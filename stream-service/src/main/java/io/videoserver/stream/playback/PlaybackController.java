package io.videoserver.stream.playback;

import java.io.IOException;

import io.videoserver.shared.VideoId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Maps {@code GET} and {@code HEAD /videos/{vid}} and
 * {@code /videos/{vid}/hls/{version}/{file}} in Spring MVC for the requests that the
 * {@link PlaybackFilter} lets pass: a malformed id, version or file name gets its 400
 * here, and any other is played by the same {@link PlaybackHandler}.
 */
@Controller
class PlaybackController {

	private final PlaybackHandler playback;

	PlaybackController(PlaybackHandler playback) {
		this.playback = playback;
	}

	@RequestMapping(path = PlaybackFilter.PATTERN, method = { RequestMethod.GET, RequestMethod.HEAD })
	void play(@PathVariable String vid, HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.playback.play(new VideoId(vid), request, response);
	}

	@RequestMapping(path = LadderFile.PATTERN, method = { RequestMethod.GET, RequestMethod.HEAD })
	void playLadder(@PathVariable String vid, @PathVariable String version, @PathVariable String file,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.playback.play(new LadderFile(new VideoId(vid), version, file), request, response);
	}

}
