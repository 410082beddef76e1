/**
 * Videos: creation, paged lists, deletion that queues the file for the scheduler-service,
 * and the poster that the stream-service decoded (or a placeholder).
 */
@NullMarked
package io.videoserver.api.video;

import org.jspecify.annotations.NullMarked;
