package io.videoserver.stream.mp4;

import org.jspecify.annotations.Nullable;

/**
 * What the movie's parser keeps of one {@code trak}.
 *
 * @param handler the handler type ({@code vide}, {@code soun}…)
 * @param width the display width in pixels, for a video track
 * @param height the display height in pixels, for a video track
 * @param codec the first sample entry's type, when it is printable
 * @param chunks the track's chunk offsets
 */
record Track(int handler, @Nullable Integer width, @Nullable Integer height, @Nullable String codec,
		ChunkTable chunks) {
}
