/**
 * Uploads: the owner streams a video to a temporary file that is renamed into place only
 * when complete.
 */
@NullMarked
package io.videoserver.stream.upload;

import org.jspecify.annotations.NullMarked;
