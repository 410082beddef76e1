package io.videoserver.shared;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
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
 * browser names the page's origin in {@code Origin}; its scheme, host and port (a missing
 * port being the scheme's default) must be those of this request as the browser sent it
 * (what Tomcat reports, corrected by forwarded headers from trusted proxies only) or of
 * one of the trusted origins (the web UI's, for the stream-service). Clients that send
 * neither {@code Origin} nor {@code Sec-Fetch-Site: cross-site} (curl, scripts) are not
 * browsers acting for someone else and pass.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Set<Origin> trustedOrigins;

	private final ErrorResponses errors;

	/**
	 * @param trustedOrigins origins ({@code scheme://host[:port]}) whose pages may change
	 * things here besides this host's own; entries that are no such origin match nothing
	 * @param errors writes the refusal
	 */
	public CrossSiteRequestFilter(Collection<String> trustedOrigins, ErrorResponses errors) {
		this.trustedOrigins = trustedOrigins.stream()
			.map(Origin::parse)
			.filter(Objects::nonNull)
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
		String header = request.getHeader("Origin");
		if (header == null) {
			return !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
		}
		Origin origin = Origin.parse(header);
		return origin != null && (origin.equals(Origin.of(request)) || this.trustedOrigins.contains(origin));
	}

	/**
	 * A web origin with the default port filled in, so that equal origins are equal.
	 */
	private record Origin(String scheme, String host, int port) {

		static Origin of(HttpServletRequest request) {
			String scheme = request.getScheme().toLowerCase(Locale.ROOT);
			int port = (request.getServerPort() > 0) ? request.getServerPort() : defaultPort(scheme);
			return new Origin(scheme, request.getServerName().toLowerCase(Locale.ROOT), port);
		}

		/**
		 * The origin, or null for "null", schemes other than http(s) and anything beyond
		 * a scheme, a host and a port (a path, a query, user info).
		 */
		static @Nullable Origin parse(String value) {
			try {
				URI uri = new URI(value.trim());
				String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
				String path = uri.getRawPath();
				if (defaultPort(scheme) < 0 || uri.getHost() == null || uri.getRawUserInfo() != null
						|| uri.getRawQuery() != null || uri.getRawFragment() != null
						|| !(path == null || path.isEmpty() || path.equals("/"))) {
					return null;
				}
				int port = (uri.getPort() >= 0) ? uri.getPort() : defaultPort(scheme);
				return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
			}
			catch (URISyntaxException ex) {
				return null;
			}
		}

		private static int defaultPort(String scheme) {
			return switch (scheme) {
				case "http" -> 80;
				case "https" -> 443;
				default -> -1;
			};
		}

	}

}
