package io.videoserver.stream.playback;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * One GET or HEAD of a video and the response it is answered on, handed down the playback
 * path as one value instead of a request, a response and a method flag apiece.
 *
 * @param head whether the method is HEAD, which gets the headers of a GET but no body
 * @param request the servlet request
 * @param response the servlet response, not yet committed
 */
record PlaybackExchange(boolean head, HttpServletRequest request, HttpServletResponse response) {

	static PlaybackExchange of(HttpServletRequest request, HttpServletResponse response) {
		return new PlaybackExchange("HEAD".equals(request.getMethod()), request, response);
	}

	/** The headers that decide the answer, for {@link RangePlanner}. */
	Conditions conditions() {
		return new Conditions(this.head, this.request.getHeader(HttpHeaders.RANGE),
				this.request.getHeader(HttpHeaders.IF_RANGE), this.request.getHeader(HttpHeaders.IF_MATCH),
				this.request.getHeader(HttpHeaders.IF_NONE_MATCH), date(HttpHeaders.IF_MODIFIED_SINCE),
				date(HttpHeaders.IF_UNMODIFIED_SINCE));
	}

	private long date(String name) {
		try {
			return this.request.getDateHeader(name);
		}
		catch (IllegalArgumentException ex) {
			return -1; // an invalid date is ignored (RFC 9110 §13.1.3)
		}
	}

}
