/**
 * The scheduler-service.
 */
@NullMarked
package io.videoserver.scheduler;

import org.jspecify.annotations.NullMarked;
