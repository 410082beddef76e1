package io.videoserver.api.session;

import org.jspecify.annotations.Nullable;

/**
 * Whoever reads a page that anyone may read, signed in or not: a controller parameter of
 * this type takes the session when the request offers a valid one and answers without one
 * otherwise (an expired cookie must not break a public page), so that what the owner
 * alone may see (a private video) is told apart.
 *
 * @param user the session's user, or null for an anonymous reader
 */
public record Viewer(@Nullable SessionUser user) {

	/** The reader's user id, or null when anonymous. */
	public @Nullable Long userId() {
		return (this.user != null) ? this.user.userId() : null;
	}

	/** Whether the reader is signed in as the named user. */
	public boolean is(String userName) {
		return this.user != null && this.user.userName().equals(userName);
	}

}
