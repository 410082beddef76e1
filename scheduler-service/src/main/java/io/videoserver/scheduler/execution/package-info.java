/**
 * The executor side of the deletion runner: deleting a claimed video's files
 * concurrently, then removing, retrying or parking its row.
 */
@NullMarked
package io.videoserver.scheduler.execution;

import org.jspecify.annotations.NullMarked;
