/**
 * The scheduler-service: the deletion runner, which ties the dispatcher to the executor,
 * and the settings of the service.
 */
@NullMarked
package io.videoserver.scheduler;

import org.jspecify.annotations.NullMarked;
