package io.videoserver.api.ui;

import java.io.IOException;

import io.videoserver.api.web.ApiFilters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hardens every page: scripts and styles only from this origin, media and uploads only to
 * the stream-service, no framing, no MIME sniffing. The page uses no inline script or
 * style, so the policy needs no {@code unsafe-inline}. Media may also come from a
 * {@code blob:} address: that is how hls.js hands its Media Source to the player. Workers
 * stay limited to this origin (hls.js runs without one, see watch.js), as a {@code blob:}
 * worker would let an injected script run code that no file of the site holds.
 */
@Component
@Order(ApiFilters.SECURITY_HEADERS)
class SecurityHeadersFilter extends OncePerRequestFilter {

	private final StreamOrigin streamOrigin;

	SecurityHeadersFilter(StreamOrigin streamOrigin) {
		this.streamOrigin = streamOrigin;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String stream = this.streamOrigin.originForRequest(request);
		response.setHeader("Content-Security-Policy",
				"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob: "
						+ stream + "; connect-src 'self' " + stream + "; object-src 'none'; base-uri 'none'; "
						+ "form-action 'self'; frame-ancestors 'none'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		chain.doFilter(request, response);
	}

}
