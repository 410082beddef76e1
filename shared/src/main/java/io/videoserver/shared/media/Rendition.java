package io.videoserver.shared.media;

/**
 * One rung of a ladder: the picture's size and the bitrates it is encoded for.
 *
 * @param height the rung, as players label it ({@code 720} for 720p): the picture's
 * shorter side, which is its height when it is wider than tall and its width otherwise;
 * even, 100 to 9998, so it names the rung's files ({@code r720.m3u8})
 * @param videoKbps the video's peak bitrate, in kbit/s
 * @param audioKbps the AAC audio's bitrate, in kbit/s; 0 when the source has no sound
 */
public record Rendition(int height, int videoKbps, int audioKbps) {

	public Rendition {
		if (height < 100 || height > 9998 || height % 2 != 0) {
			throw new IllegalArgumentException("A rung is an even size of 100 to 9998 pixels, not " + height);
		}
		if (videoKbps <= 0 || audioKbps < 0) {
			throw new IllegalArgumentException("Bitrates must be positive: " + videoKbps + "k, " + audioKbps + "k");
		}
	}

	/** Its media playlist's name in the ladder. */
	String playlist() {
		return "r" + this.height + ".m3u8";
	}

}
