package io.videoserver.stream.playback;

import java.io.IOException;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.shared.VideoId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Plays {@code GET} and {@code HEAD /videos/{vid}} for a well-formed id straight from the
 * filter chain, right after the limiters, instead of through Spring MVC's dispatch, which
 * cost more CPU per range request than sending the bytes; any other request (and any
 * malformed id) goes on to the {@link PlaybackController}. Both hand the checked id to
 * the same {@link PlaybackHandler}. It reads the raw path, as the limiters in front of it
 * do: the shared canonical path check has refused every spelling of it that the router
 * would read differently.
 */
class PlaybackFilter extends HttpFilter {

	static final String PATTERN = "/videos/{vid}";

	private final PlaybackHandler playback;

	private final ErrorResponses errors;

	PlaybackFilter(PlaybackHandler playback, ErrorResponses errors) {
		this.playback = playback;
		this.errors = errors;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		VideoId vid = videoId(request);
		if (vid == null) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(PATTERN));
		try {
			this.playback.play(vid, request, response);
		}
		catch (ApiException ex) {
			this.errors.write(response, ex.code(), ex.getMessage(), ex.retryAfterSeconds());
		}
	}

	/** The id of a playback request, or null when the filter should let it pass. */
	private static @Nullable VideoId videoId(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return null;
		}
		String uri = request.getRequestURI();
		int start = request.getContextPath().length() + "/videos/".length();
		if (!uri.startsWith("/videos/", start - "/videos/".length())) {
			return null;
		}
		return VideoId.parse(uri.substring(start));
	}

}
