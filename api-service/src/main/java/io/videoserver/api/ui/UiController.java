package io.videoserver.api.ui;

import jakarta.servlet.http.HttpServletRequest;

import io.videoserver.api.session.SessionUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the questions the single-page UI cannot answer itself: where the stream-service
 * is and how large an upload it takes, and who is logged in (the session cookie is
 * HttpOnly, so scripts cannot read it).
 */
@RestController
class UiController {

	private final StreamOrigin streamOrigin;

	private final long uploadMaxSize;

	UiController(StreamOrigin streamOrigin, UiProperties properties) {
		this.streamOrigin = streamOrigin;
		this.uploadMaxSize = properties.upload().maxSize().toBytes();
	}

	@GetMapping("/ui/config")
	UiConfig config(HttpServletRequest request) {
		return new UiConfig(this.streamOrigin.forRequest(request), this.uploadMaxSize);
	}

	@GetMapping("/session")
	CurrentUser session(SessionUser user) {
		return new CurrentUser(user.userId(), user.userName());
	}

	/**
	 * @param streamUrl the stream-service's base URL for this page
	 * @param uploadMaxSize the largest video file the stream-service accepts, in bytes
	 */
	record UiConfig(String streamUrl, long uploadMaxSize) {
	}

	/**
	 * @param id the user's id
	 * @param userName the user's name
	 */
	record CurrentUser(long id, String userName) {
	}

}
