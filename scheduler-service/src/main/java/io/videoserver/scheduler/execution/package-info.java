/**
 * The executor side of the deletion runner: deleting a claimed video's file or object and
 * its partial uploads concurrently, then removing, retrying or parking its row; and the
 * health of the video store.
 */
@NullMarked
package io.videoserver.scheduler.execution;

import org.jspecify.annotations.NullMarked;
