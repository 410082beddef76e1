package io.videoserver.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (400/001) a request whose path is not written the one way every later filter
 * and the router read it alike: the filters (limiters, the playback fast path, the
 * request log) match the raw path, while Tomcat and Spring MVC decode it, drop {@code ;}
 * parameters, merge slashes and resolve dot segments, so {@code /%76ideos/} or
 * {@code /videos;x=1/} reached a handler that the limiter had not seen. A canonical path
 * has no percent-encoded unreserved character (RFC 3986: letters, digits,
 * {@code - . _ ~}), no {@code ;}, no empty segment but a trailing one, and no {@code .}
 * or {@code ..} segment; no client or browser writes a path otherwise, so the refusal
 * costs legitimate requests nothing.
 */
public class CanonicalPathFilter extends OncePerRequestFilter {

	private final ErrorResponses errors;

	public CanonicalPathFilter(ErrorResponses errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isCanonical(request.getRequestURI())) {
			this.errors.write(response, ErrorCode.BAD_REQUEST, "The path is not in canonical form", 0);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * @param path a raw request path, without its query
	 * @return whether every reader of the path decodes it to the same segments as written
	 */
	static boolean isCanonical(String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == ';') {
				return false;
			}
			if (c == '%' && (i + 2 >= path.length() || isUnreservedOrInvalid(path.charAt(i + 1), path.charAt(i + 2)))) {
				return false;
			}
			if (c == '/' && !isCanonicalSegment(path, i + 1)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the segment starting at {@code start} is neither empty (an empty segment is
	 * allowed last only) nor a dot segment ({@code .} or {@code ..}).
	 */
	private static boolean isCanonicalSegment(String path, int start) {
		int end = path.indexOf('/', start);
		if (end < 0) {
			end = path.length();
		}
		else if (end == start) {
			return false;
		}
		String segment = path.substring(start, end);
		return !segment.equals(".") && !segment.equals("..");
	}

	private static boolean isUnreservedOrInvalid(char high, char low) {
		int h = Character.digit(high, 16);
		int l = Character.digit(low, 16);
		if (h < 0 || l < 0) {
			return true;
		}
		int value = h * 16 + l;
		return (value >= 'a' && value <= 'z') || (value >= 'A' && value <= 'Z') || (value >= '0' && value <= '9')
				|| value == '-' || value == '.' || value == '_' || value == '~';
	}

}
