/**
 * Protection against overload: the connection limiter and the per-client token bucket.
 */
@NullMarked
package io.videoserver.stream.limit;

import org.jspecify.annotations.NullMarked;
