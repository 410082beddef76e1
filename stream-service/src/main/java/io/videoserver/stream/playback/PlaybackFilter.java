package io.videoserver.stream.playback;

import java.io.IOException;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.shared.VideoIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Plays {@code GET} and {@code HEAD /videos/{vid}} for a well-formed id straight from the
 * filter chain, right after the limiters, instead of through Spring MVC's dispatch, which
 * cost more CPU per range request than sending the bytes; any other request (and any
 * malformed id) goes on to the {@link PlaybackController}, which answers the same. It
 * reads the raw path, as the limiters in front of it do: the shared canonical path check
 * has refused every spelling of it that the router would read differently.
 */
class PlaybackFilter extends HttpFilter {

	static final String PATTERN = "/videos/{vid}";

	private final PlaybackController playback;

	private final ErrorResponses errors;

	private final JsonMapper json;

	PlaybackFilter(PlaybackController playback, ErrorResponses errors, JsonMapper json) {
		this.playback = playback;
		this.errors = errors;
		this.json = json;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String vid = videoId(request);
		if (vid == null) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(PATTERN));
		try {
			ResponseEntity<?> answer = this.playback.play(vid, request, response);
			if (answer != null) {
				write(answer, response);
			}
		}
		catch (ApiException ex) {
			this.errors.write(response, ex.code(), ex.getMessage(), ex.retryAfterSeconds());
		}
	}

	/** The id of a playback request, or null when the filter should let it pass. */
	private static @Nullable String videoId(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return null;
		}
		String uri = request.getRequestURI();
		int start = request.getContextPath().length() + "/videos/".length();
		if (!uri.startsWith("/videos/", start - "/videos/".length())) {
			return null;
		}
		String vid = uri.substring(start);
		return VideoIds.isValid(vid) ? vid : null;
	}

	/** The short answers (304, 412, 416): status, headers and the legacy JSON body. */
	private void write(ResponseEntity<?> answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		if (answer.getBody() != null) {
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(this.json.writeValueAsString(answer.getBody()));
		}
	}

}
