/**
 * The consistency check: the invariants that the database and the video store (with the
 * stream-service's staging directory) must satisfy whichever service wrote them, in one
 * home, so that the scheduler-service's endpoint and the stream-service's fault tests
 * judge by the same rules.
 */
@NullMarked
package io.videoserver.shared.consistency;

import org.jspecify.annotations.NullMarked;
