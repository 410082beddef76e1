/**
 * Sessions: the header pair or the cookie turned into a {@code SessionUser} for any
 * controller that asks for one, logout, and the sweep of expired rows.
 */
@NullMarked
package io.videoserver.api.session;

import org.jspecify.annotations.NullMarked;
