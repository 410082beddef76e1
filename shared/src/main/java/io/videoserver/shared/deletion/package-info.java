/**
 * The one way into the deletion queue ({@code video_del_rec}), for the api-service, which
 * queues a deleted video's files, and the scheduler-service's queue endpoint.
 */
@NullMarked
package io.videoserver.shared.deletion;

import org.jspecify.annotations.NullMarked;
