package io.videoserver.api.video;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of videos, newest first; {@code next} is the {@code before} value of the next
 * page and is absent on the last one.
 *
 * @param videos the videos, never null
 * @param next the next page's cursor
 */
record VideoListResponse(List<VideoResponse> videos, @Nullable String next) {
}
