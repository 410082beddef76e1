package io.videoserver.stream.poster;

/**
 * An encoded poster image of a video.
 *
 * @param contentType its media type ({@code image/jpeg})
 * @param image its bytes
 * @param width its width in pixels
 * @param height its height in pixels
 */
public record Poster(String contentType, byte[] image, int width, int height) {
}
