package io.videoserver.shared;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests that a browser sent from another site's page (403/007),
 * the CSRF check behind the SameSite=Strict session cookie: "same site" still lets a
 * sibling subdomain's page post a form, and a multipart POST needs no CORS preflight. A
 * browser names the page's origin in {@code Origin}; it must be this host or one of the
 * trusted origins (the web UI's, for the stream-service). Clients that send neither
 * {@code Origin} nor {@code Sec-Fetch-Site: cross-site} (curl, scripts) are not browsers
 * acting for someone else and pass.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Set<String> trustedOrigins;

	private final ErrorResponses errors;

	/**
	 * @param trustedOrigins origins ({@code scheme://host[:port]}) whose pages may change
	 * things here besides this host's own
	 * @param errors writes the refusal
	 */
	public CrossSiteRequestFilter(Collection<String> trustedOrigins, ErrorResponses errors) {
		this.trustedOrigins = trustedOrigins.stream()
			.map(CrossSiteRequestFilter::normalise)
			.collect(Collectors.toSet());
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod()) || isAllowed(request)) {
			chain.doFilter(request, response);
			return;
		}
		this.errors.write(response, ErrorCode.FORBIDDEN, "Cross-site request refused", 0);
	}

	private boolean isAllowed(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
		}
		String host = host(origin);
		return (host != null && host.equalsIgnoreCase(request.getServerName()))
				|| this.trustedOrigins.contains(normalise(origin));
	}

	/** The host of an origin, or null for "null" and anything unparseable. */
	private static @Nullable String host(String origin) {
		try {
			return URI.create(origin).getHost();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String normalise(String origin) {
		String lower = origin.trim().toLowerCase(Locale.ROOT);
		return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
	}

}
