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
 * Plays {@code GET} and {@code HEAD /videos/{vid}} for a well-formed id, and
 * {@code /videos/{vid}/hls/{version}/{file}} for well-formed names, straight from the
 * filter chain, right after the limiters, instead of through Spring MVC's dispatch, which
 * cost more CPU per range request than sending the bytes; any other request (and any
 * malformed name) goes on to the {@link PlaybackController}. Both hand the checked names
 * to the same {@link PlaybackHandler}. It reads the raw path, as the limiters in front of
 * it do: the shared canonical path check has refused every spelling of it that the router
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
		String path = playbackPath(request);
		VideoId vid = (path != null) ? VideoId.parse(path) : null;
		LadderFile ladder = (path != null && vid == null) ? LadderFile.parse(path) : null;
		if (vid == null && ladder == null) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern((vid != null) ? PATTERN : LadderFile.PATTERN));
		try {
			if (vid != null) {
				this.playback.play(vid, request, response);
			}
			else {
				this.playback.play(ladder, request, response);
			}
		}
		catch (ApiException ex) {
			this.errors.write(response, ex.code(), ex.getMessage(), ex.retryAfterSeconds());
		}
	}

	/**
	 * The path after {@code /videos/} of a GET or HEAD, or null when the filter should
	 * let the request pass.
	 */
	private static @Nullable String playbackPath(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return null;
		}
		String uri = request.getRequestURI();
		int start = request.getContextPath().length() + "/videos/".length();
		if (!uri.startsWith("/videos/", start - "/videos/".length())) {
			return null;
		}
		return uri.substring(start);
	}

}
