/**
 * Uploads: the owner streams a video to a local staging file that is checked against the
 * quota and the MP4 rules and published to the video store only when complete.
 */
@NullMarked
package io.videoserver.stream.upload;

import org.jspecify.annotations.NullMarked;
