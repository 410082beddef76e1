/**
 * Views: a playback start counts once per viewer per window across every replica,
 * gathered in memory ({@link io.videoserver.stream.view.ViewCounter}) and written in
 * batches to {@code video_view} and {@code video_info.view_count}.
 */
@NullMarked
package io.videoserver.stream.view;

import org.jspecify.annotations.NullMarked;
