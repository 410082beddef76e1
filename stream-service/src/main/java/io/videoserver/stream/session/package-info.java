/**
 * The sessions that api-service keeps, read (never written) by uploads and playback.
 */
@NullMarked
package io.videoserver.stream.session;

import org.jspecify.annotations.NullMarked;
