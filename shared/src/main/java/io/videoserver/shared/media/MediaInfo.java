package io.videoserver.shared.media;

import org.jspecify.annotations.Nullable;

/**
 * What ffprobe found in a video file, as much as the ladder and the upload's checks need.
 *
 * @param container ffprobe's format name, such as {@code mov,mp4,m4a,3gp,3g2,mj2} or
 * {@code matroska,webm}
 * @param durationMs the duration in milliseconds (0 when the file does not say)
 * @param videoCodec the first video stream's codec, such as {@code h264}, {@code hevc}
 * @param width the coded picture's width, before rotation
 * @param height the coded picture's height, before rotation
 * @param rotation how far a player turns the picture clockwise: 0, 90, 180 or 270
 * @param frameRate the average frame rate (0 when unknown)
 * @param variableFrameRate whether frames come at uneven intervals (the base rate differs
 * from the average)
 * @param audioCodec the first audio stream's codec, or {@code null} when there is none
 */
public record MediaInfo(String container, long durationMs, String videoCodec, int width, int height, int rotation,
		double frameRate, boolean variableFrameRate, @Nullable String audioCodec) {

	/** The width as shown, after rotation. */
	public int displayWidth() {
		return quarterTurned() ? this.height : this.width;
	}

	/** The height as shown, after rotation. */
	public int displayHeight() {
		return quarterTurned() ? this.width : this.height;
	}

	/** Whether browsers play the streams as they are: H.264 video, AAC or no audio. */
	public boolean browserPlayable() {
		return "h264".equals(this.videoCodec) && (this.audioCodec == null || "aac".equals(this.audioCodec));
	}

	private boolean quarterTurned() {
		return this.rotation == 90 || this.rotation == 270;
	}

}
