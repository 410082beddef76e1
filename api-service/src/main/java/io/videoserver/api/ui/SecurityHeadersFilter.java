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
 * <p>
 * Only the embed page ({@code /embed/**}, see {@link EmbedController}) may be framed, by
 * any site ({@code frame-ancestors *}): that is its purpose, and it shows nothing but a
 * public video's player (the session cookie is SameSite=Strict, so another site's frame
 * never acts as the viewer). Every other page refuses framing, so no site can overlay the
 * account pages to trick a click (clickjacking).
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
		boolean embed = isEmbedPage(request);
		response.setHeader("Content-Security-Policy",
				"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob: "
						+ stream + "; connect-src 'self' " + stream + "; object-src 'none'; base-uri 'none'; "
						+ "form-action 'self'; frame-ancestors " + (embed ? "*" : "'none'"));
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (!embed) {
			// Older browsers know only this header; it cannot allow every site, so the
			// embed page goes without it and relies on frame-ancestors.
			response.setHeader("X-Frame-Options", "DENY");
		}
		response.setHeader("Referrer-Policy", "same-origin");
		chain.doFilter(request, response);
	}

	/** The path as the application sees it (without a context path) under /embed/. */
	static boolean isEmbedPage(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String path = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
		return path.startsWith(EmbedController.PATH_PREFIX);
	}

}
