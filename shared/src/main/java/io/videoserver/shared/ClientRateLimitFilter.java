package io.videoserver.shared;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Bucket4j token bucket per client address, so that one client cannot flood a service:
 * {@code requestsPerSecond} with a burst of {@code burst}; beyond it 429/010 with the
 * seconds until a token is back. Probes and metric scrapes are not counted: they go to
 * the management port, which has none of the service port's filters. The buckets of
 * clients idle for ten minutes are forgotten, and at most 100 000 are kept. The client is
 * {@code getRemoteAddr()}, which the service's forwarded-header handling corrects only
 * for requests from its trusted proxies (the api-service's
 * {@code video.trusted-proxies}).
 */
public class ClientRateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 100_000;

	private final int requestsPerSecond;

	private final long burst;

	private final ErrorResponses errors;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(MAX_CLIENTS)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	public ClientRateLimitFilter(int requestsPerSecond, long burst, ErrorResponses errors) {
		this.requestsPerSecond = requestsPerSecond;
		this.burst = burst;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.requestsPerSecond == 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConsumptionProbe probe = this.buckets.get(request.getRemoteAddr(), client -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
			this.errors.write(response, ErrorCode.TOO_MANY_REQUESTS, "Too many requests, slow down", seconds);
			return;
		}
		chain.doFilter(request, response);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(this.burst).refillGreedy(this.requestsPerSecond, Duration.ofSeconds(1)))
			.build();
	}

}
