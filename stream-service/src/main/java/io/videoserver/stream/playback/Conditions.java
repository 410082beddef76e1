package io.videoserver.stream.playback;

import org.jspecify.annotations.Nullable;

/**
 * The request headers that decide what a GET or HEAD of a video answers, taken out of the
 * servlet request so that the rules can be tested without a server.
 *
 * @param head whether the method is HEAD (RFC 9110 defines ranges for GET only)
 * @param range the {@code Range} header
 * @param ifRange the {@code If-Range} header
 * @param ifMatch the {@code If-Match} header
 * @param ifNoneMatch the {@code If-None-Match} header
 * @param ifModifiedSince {@code If-Modified-Since} in epoch milliseconds, -1 when absent
 * or when invalid
 * @param ifUnmodifiedSince {@code If-Unmodified-Since} in epoch milliseconds, -1 when
 * absent or invalid
 */
record Conditions(boolean head, @Nullable String range, @Nullable String ifRange, @Nullable String ifMatch,
		@Nullable String ifNoneMatch, long ifModifiedSince, long ifUnmodifiedSince) {

	static Conditions get(@Nullable String range) {
		return new Conditions(false, range, null, null, null, -1, -1);
	}

}
