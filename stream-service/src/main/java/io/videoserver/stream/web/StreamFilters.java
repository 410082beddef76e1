package io.videoserver.stream.web;

import io.videoserver.shared.FilterOrder;

/**
 * The stream-service's servlet filters in the order a request meets them, so that the
 * chain reads in one place.
 * <ol>
 * <li>request log ({@link FilterOrder#REQUEST_LOG}, shared)</li>
 * <li>canonical path ({@link FilterOrder#CANONICAL_PATH}, shared)</li>
 * <li>cross-site check ({@link FilterOrder#CROSS_SITE}, {@link WebConfiguration}): ahead
 * of CORS, so that its refusal has the legacy body</li>
 * <li>{@link #CORS}</li>
 * <li>rate limit ({@link FilterOrder#RATE_LIMIT}, {@code limit.LimitConfiguration})</li>
 * <li>{@link #CONNECTION_LIMIT}</li>
 * <li>{@link #PLAYBACK}</li>
 * <li>{@link #TUS_PROTOCOL}</li>
 * </ol>
 */
public final class StreamFilters {

	/**
	 * Ahead of the limiters, so that their 429 answers carry CORS headers and reach the
	 * page; a preflight is answered here and never counted.
	 */
	public static final int CORS = FilterOrder.CROSS_SITE + 1;

	/** After the rate limit, so that a refused request never takes a stream's permit. */
	public static final int CONNECTION_LIMIT = FilterOrder.SERVICE_FILTERS;

	/**
	 * Inside the connection limiter, so that a stream keeps its permit to the last byte.
	 */
	public static final int PLAYBACK = CONNECTION_LIMIT + 10;

	/** The tus version check on {@code /tus/*}, before any tus work. */
	public static final int TUS_PROTOCOL = PLAYBACK + 10;

	private StreamFilters() {
	}

}
