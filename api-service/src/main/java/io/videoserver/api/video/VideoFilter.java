package io.videoserver.api.video;

import org.jspecify.annotations.Nullable;

/**
 * Which videos a list holds and in what order.
 *
 * @param author a user's name, or null for everyone's
 * @param tag a normalised tag the videos must carry, or null
 * @param ownerView whether the viewer is the author named, who sees all of their own
 * videos; everyone else sees public ones only
 * @param byViews most viewed first (ties newest first), else newest first
 */
record VideoFilter(@Nullable String author, @Nullable String tag, boolean ownerView, boolean byViews) {

	/**
	 * The {@link io.videoserver.api.web.ListingCache} variant of a list's scope: what
	 * tells apart lists of one scope that hold other rows or another order.
	 */
	String variant() {
		return (this.ownerView ? "owner" : "public") + (this.byViews ? "-views" : "-newest");
	}

}
