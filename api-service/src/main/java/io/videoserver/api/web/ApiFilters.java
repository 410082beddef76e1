package io.videoserver.api.web;

import io.videoserver.shared.FilterOrder;

import org.springframework.core.Ordered;

/**
 * The api-service's servlet filters in the order a request meets them, so that the chain
 * reads in one place.
 * <ol>
 * <li>request log ({@link FilterOrder#REQUEST_LOG}, shared)</li>
 * <li>canonical path ({@link FilterOrder#CANONICAL_PATH}, shared)</li>
 * <li>cross-site check ({@link FilterOrder#CROSS_SITE},
 * {@link CrossSiteConfiguration})</li>
 * <li>rate limit ({@link FilterOrder#RATE_LIMIT}, {@link RateLimitConfiguration})</li>
 * <li>{@link #BODY_SIZE_LIMIT}</li>
 * <li>Spring's own filters, then {@link #SECURITY_HEADERS}</li>
 * <li>body buffering ({@link BodyBufferingConfiguration}), behind Spring's filters</li>
 * </ol>
 */
public final class ApiFilters {

	/**
	 * After the refusals that cost nothing, so that an over-long body of a refused
	 * request is never looked at.
	 */
	public static final int BODY_SIZE_LIMIT = FilterOrder.SERVICE_FILTERS;

	/** Last: the pages' security headers, on whatever the chain lets through. */
	public static final int SECURITY_HEADERS = Ordered.LOWEST_PRECEDENCE;

	private ApiFilters() {
	}

}
