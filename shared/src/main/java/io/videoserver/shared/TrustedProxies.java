package io.videoserver.shared;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * The one home of the "client address" rule, in every service: forwarded headers are
 * believed only from the proxies in {@code video.trusted-proxies}. Tomcat's
 * {@link RemoteIpValve} ({@code server.forward-headers-strategy: native}) is told to
 * trust exactly those, so a request from one of them takes the right-most
 * {@code X-Forwarded-For} address that is not a trusted proxy as the client's, and
 * {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port} as the scheme, host and port
 * the browser used. Everything that reads the request (the rate limit, the login
 * throttle, the CSRF check, the cookie's Secure flag) sees the result. Runs after Spring
 * Boot's customizer, whose default trusts every private and loopback peer.
 */
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	/** Addresses only: a host name would be looked up in DNS. */
	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+/[0-9]{1,3}");

	private final String cidrs;

	TrustedProxies(List<String> proxies) {
		this.cidrs = cidrs(proxies);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		List<RemoteIpValve> valves = factory.getEngineValves()
			.stream()
			.filter(RemoteIpValve.class::isInstance)
			.map(RemoteIpValve.class::cast)
			.toList();
		if (valves.isEmpty() && !this.cidrs.isEmpty()) {
			throw new IllegalStateException("video.trusted-proxies needs server.forward-headers-strategy=native");
		}
		// An empty list trusts no peer at all (Tomcat takes a value with '/' as CIDRs).
		valves.forEach(valve -> valve.setInternalProxies(this.cidrs));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The proxies as Tomcat's comma-separated CIDR list, single addresses as /32 or /128.
	 * @param proxies addresses and CIDR ranges
	 * @return the list, empty for none
	 * @throws IllegalArgumentException for anything that is neither
	 */
	static String cidrs(List<String> proxies) {
		return proxies.stream().map(String::trim).filter(proxy -> !proxy.isEmpty()).map(proxy -> {
			String cidr = proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32");
			if (!IP_LITERAL.matcher(cidr).matches()) {
				throw notAnAddress(proxy, null);
			}
			try {
				new NetMask(cidr);
			}
			catch (IllegalArgumentException ex) {
				throw notAnAddress(proxy, ex);
			}
			return cidr;
		}).collect(Collectors.joining(","));
	}

	private static IllegalArgumentException notAnAddress(String proxy, @Nullable Exception cause) {
		return new IllegalArgumentException("video.trusted-proxies: not an IP address or CIDR range: " + proxy, cause);
	}

}
