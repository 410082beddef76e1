/**
 * The transcoding queue's one entry point, shared by the services that queue work for the
 * scheduler-service's transcoder.
 */
@NullMarked
package io.videoserver.shared.transcode;

import org.jspecify.annotations.NullMarked;
