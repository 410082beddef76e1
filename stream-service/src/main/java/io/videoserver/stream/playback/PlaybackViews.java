package io.videoserver.stream.playback;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.SessionCredentials;
import io.videoserver.shared.VideoId;
import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.view.ViewCounter;
import io.videoserver.stream.view.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Decides whether a playback answer starts playback and counts it as a view: a GET of a
 * video whose body starts at byte 0 (no Range, or a range from 0), or the first media
 * segment ({@code r{h}-00001.m4s}) of any rung of a ladder. A HEAD, a seek, a 304 and
 * every other file count nothing. Counting never fails playback.
 */
@Component
class PlaybackViews {

	private static final Logger log = LoggerFactory.getLogger(PlaybackViews.class);

	private static final String FIRST_SEGMENT_SUFFIX = "-00001.m4s";

	private final ViewCounter counter;

	private final PlaybackAccess access;

	private final String salt;

	PlaybackViews(ViewCounter counter, PlaybackAccess access, StreamProperties properties) {
		this.counter = counter;
		this.access = access;
		this.salt = properties.view().salt();
	}

	/** Whether a ladder file is the first media segment of a rung. */
	static boolean isFirstSegment(LadderFile ladder) {
		return ladder.name().endsWith(FIRST_SEGMENT_SUFFIX);
	}

	/** Whether the planned answer sends a body from byte 0 to a GET. */
	static boolean startsAtZero(PlaybackExchange exchange, Plan plan) {
		if (exchange.head()) {
			return false;
		}
		return plan.status() == 200 || (plan.status() == 206 && plan.ranges().get(0).first() == 0);
	}

	/** Counts the view of a video that has a row. */
	void count(VideoId vid, PlaybackAccess.Viewing viewing, PlaybackExchange exchange) {
		if (!viewing.hasRow()) {
			return; // nothing to count against: video_view needs the video's row
		}
		try {
			this.counter.count(vid, viewer(viewing, exchange));
		}
		catch (ApiException ex) {
			log.debug("View of {} not counted: {}", vid, ex.getMessage());
		}
	}

	/**
	 * The signed-in user when the request offers a live session, else the client's
	 * address (Tomcat's, which is the forwarded one only from a trusted proxy) and
	 * User-Agent.
	 */
	private Viewer viewer(PlaybackAccess.Viewing viewing, PlaybackExchange exchange) {
		String user = viewing.user();
		if (!viewing.userKnown() && SessionCredentials.offeredBy(exchange.request()).isPresent()) {
			user = this.access.sessionUser(exchange.request());
		}
		if (user != null) {
			return Viewer.user(this.salt, user);
		}
		return Viewer.client(this.salt, exchange.request().getRemoteAddr(),
				exchange.request().getHeader(HttpHeaders.USER_AGENT));
	}

}
