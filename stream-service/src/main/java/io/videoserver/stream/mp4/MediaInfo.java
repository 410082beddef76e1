package io.videoserver.stream.mp4;

import org.jspecify.annotations.Nullable;

/**
 * What a viewer wants to know about a video before playing it, as its boxes state it;
 * each part is null when the file leaves it open.
 *
 * @param durationMs the movie's duration in milliseconds ({@code mvhd})
 * @param width the first video track's display width in pixels ({@code tkhd})
 * @param height the first video track's display height in pixels
 * @param codec the sample entry type of the first video track, or of the first track when
 * there is no video ({@code avc1}, {@code hev1}, {@code mp4a}…)
 */
public record MediaInfo(@Nullable Long durationMs, @Nullable Integer width, @Nullable Integer height,
		@Nullable String codec) {
}
