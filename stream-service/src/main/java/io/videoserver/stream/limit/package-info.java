/**
 * Protection against overload: the connection limiter, and the shared per-client token
 * bucket placed in front of it.
 */
@NullMarked
package io.videoserver.stream.limit;

import org.jspecify.annotations.NullMarked;
