package io.videoserver.stream.tus;

import java.io.IOException;

import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Speaks the tus version on every tus response and refuses, before any other work, a
 * request for a version this service does not speak (412, with the versions it does).
 */
class TusProtocolFilter extends OncePerRequestFilter {

	static final String VERSION = "1.0.0";

	private static final String REFUSAL = ErrorResponses.json(ErrorCode.BAD_REQUEST,
			"Unsupported Tus-Resumable version, this server speaks " + VERSION);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Tus-Resumable", VERSION);
		if (!"OPTIONS".equals(request.getMethod()) && !VERSION.equals(request.getHeader("Tus-Resumable"))) {
			response.setStatus(TusException.PRECONDITION_FAILED);
			response.setHeader("Tus-Version", VERSION);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write(REFUSAL);
			return;
		}
		chain.doFilter(request, response);
	}

}
