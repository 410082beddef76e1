/**
 * The original's queue endpoint, {@code /video-delete-record/{vid}}, for operators and
 * legacy clients, behind the internal token.
 */
@NullMarked
package io.videoserver.scheduler.queue;

import org.jspecify.annotations.NullMarked;
