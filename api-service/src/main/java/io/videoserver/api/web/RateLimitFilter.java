package io.videoserver.api.web;

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

import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address: {@code video.rate-limit} requests per second with a
 * burst of twice that; beyond it 429/010 with the seconds until a token is back. Health
 * probes are never limited.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 100_000;

	private final int perSecond;

	private final ErrorResponses errors;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(MAX_CLIENTS)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	RateLimitFilter(ApiProperties properties, ErrorResponses errors) {
		this.perSecond = properties.rateLimit();
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.perSecond == 0 || request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = this.buckets.get(request.getRemoteAddr(), address -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
			this.errors.write(response, ErrorCode.TOO_MANY_REQUESTS, "Too many requests, slow down", seconds);
			return;
		}
		chain.doFilter(request, response);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(2L * this.perSecond).refillGreedy(this.perSecond, Duration.ofSeconds(1)))
			.build();
	}

}
