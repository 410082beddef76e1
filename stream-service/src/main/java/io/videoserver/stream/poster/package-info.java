/**
 * Posters: a frame of an uploaded video, decoded in Java and kept in the database, beside
 * the video's row, for the web UI.
 */
@NullMarked
package io.videoserver.stream.poster;

import org.jspecify.annotations.NullMarked;
