package io.videoserver.shared;

import org.springframework.core.Ordered;

/**
 * The places of the servlet filters every service shares, so that each service's list of
 * its chain ({@code ApiFilters}, {@code StreamFilters}; the scheduler-service has only
 * these) puts its own filters around them in the same order.
 *
 * <p>
 * A request is logged, its path checked, a cross-site request refused, and only then
 * counted against the client's rate: the first three refuse without cost, and a hostile
 * page that makes a visitor's browser send requests here cannot spend that visitor's
 * allowance and lock them out.
 */
public final class FilterOrder {

	/** First: every request is logged, refusals too. */
	public static final int REQUEST_LOG = Ordered.HIGHEST_PRECEDENCE;

	/** Ahead of every filter that reads the path. */
	public static final int CANONICAL_PATH = REQUEST_LOG + 1;

	/** The CSRF check, ahead of the rate limit. */
	public static final int CROSS_SITE = REQUEST_LOG + 2;

	/** The per-client token bucket, after the checks that refuse without cost. */
	public static final int RATE_LIMIT = REQUEST_LOG + 4;

	/** Where each service's own filters start. */
	public static final int SERVICE_FILTERS = REQUEST_LOG + 10;

	private FilterOrder() {
	}

}
