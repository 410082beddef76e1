/**
 * The scheduler-service: the runner that ties the dispatcher to the executor, and its
 * settings.
 */
@NullMarked
package io.videoserver.scheduler;

import org.jspecify.annotations.NullMarked;
