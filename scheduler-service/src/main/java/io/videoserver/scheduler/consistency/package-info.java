/**
 * The consistency check: the database and the store compared, for operators and for the
 * fault tests, which expect no findings after each scenario.
 */
@NullMarked
package io.videoserver.scheduler.consistency;

import org.jspecify.annotations.NullMarked;
