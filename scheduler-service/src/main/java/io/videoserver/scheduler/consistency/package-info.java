/**
 * The consistency check behind the scheduler's Actuator endpoint, for operators and for
 * the fault tests, which expect no findings after each scenario; the check itself is
 * {@code io.videoserver.shared.consistency}'s.
 */
@NullMarked
package io.videoserver.scheduler.consistency;

import org.jspecify.annotations.NullMarked;
