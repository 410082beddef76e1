package io.videoserver.stream.playback;

import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Hands a body to Tomcat's NIO sendfile (the attributes its DefaultServlet uses),
 * whereupon the kernel copies the bytes from the page cache to the socket once the
 * request thread has returned.
 */
final class Sendfile {

	private static final String PREFIX = "org.apache.tomcat.sendfile.";

	/**
	 * Below this, a plain write costs less than setting sendfile up (as Tomcat's 48 KiB).
	 */
	private static final long MIN_LENGTH = 48 * 1024;

	private Sendfile() {
	}

	/**
	 * @return whether Tomcat will send the range; false to write it ourselves
	 */
	static boolean handOver(HttpServletRequest request, VideoFile file, ByteRange range) {
		Path path = file.path();
		if (path == null || range.length() < MIN_LENGTH
				|| !Boolean.TRUE.equals(request.getAttribute(PREFIX + "support"))) {
			return false;
		}
		request.setAttribute(PREFIX + "filename", path.toString());
		request.setAttribute(PREFIX + "start", range.first());
		request.setAttribute(PREFIX + "end", range.first() + range.length());
		return true;
	}

}
