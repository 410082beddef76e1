package io.videoserver.stream.limit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.stream.StreamProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Bucket4j token bucket per client address, so that one client cannot flood the service
 * with requests; health probes are not counted.
 */
class RateLimitFilter extends OncePerRequestFilter {

	/** Above this many tracked clients, the buckets of idle clients are dropped. */
	private static final int SWEEP_ABOVE = 10_000;

	private final StreamProperties.RateLimit settings;

	private final ErrorResponses errors;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimitFilter(StreamProperties.RateLimit settings, ErrorResponses errors) {
		this.settings = settings;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConsumptionProbe probe = bucket(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long wait = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1);
		this.errors.write(response, ErrorCode.TOO_MANY_REQUESTS, "Too many requests, slow down", wait);
	}

	private Bucket bucket(String client) {
		if (this.buckets.size() > SWEEP_ABOVE) {
			this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.settings.burst());
		}
		return this.buckets.computeIfAbsent(client,
				(key) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(this.settings.burst())
						.refillGreedy(this.settings.requestsPerSecond(), Duration.ofSeconds(1)))
					.build());
	}

}
