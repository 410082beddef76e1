package io.videoserver.shared.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the rungs a video is transcoded to, so players can switch to what the viewer's
 * connection carries, and none is larger than the picture it comes from.
 */
public final class Ladder {

	/** The rungs offered, smallest first. */
	private static final int[] HEIGHTS = { 240, 480, 720, 1080 };

	/**
	 * Peak video bitrates (kbit/s) at up to 30 frames a second, those PeerTube targeted
	 * for the same rungs (after Google's live encoder recommendations): 240p 320, 480p
	 * 1500, 720p 2800, 1080p 5200. They cap a constant-quality encode, so simple pictures
	 * take less.
	 */
	private static final int[] VIDEO_KBPS = { 320, 1500, 2800, 5200 };

	/**
	 * More frames need more bits, but not twice as many: motion between them is smaller.
	 */
	private static final double HIGH_FRAME_RATE_FACTOR = 1.4;

	/** Stereo AAC at this rate is transparent enough for every rung. */
	private static final int AUDIO_KBPS = 128;

	/** The smallest rung, so its files still have names of the store's form. */
	private static final int SMALLEST = 100;

	private Ladder() {
	}

	/**
	 * The rungs for a source: each of 240, 480, 720 and 1080 that is not larger than the
	 * picture's shorter side as shown; a smaller picture gets one rung of its own size
	 * (made even, and at least 100).
	 * @return the rungs, smallest first, at least one
	 */
	public static List<Rendition> of(MediaInfo source) {
		int shorter = Math.min(source.displayWidth(), source.displayHeight());
		double factor = (source.frameRate() > 31) ? HIGH_FRAME_RATE_FACTOR : 1;
		int audio = (source.audioCodec() != null) ? AUDIO_KBPS : 0;
		List<Rendition> rungs = new ArrayList<>();
		for (int i = 0; i < HEIGHTS.length && HEIGHTS[i] <= shorter; i++) {
			rungs.add(new Rendition(HEIGHTS[i], (int) Math.round(VIDEO_KBPS[i] * factor), audio));
		}
		if (rungs.isEmpty()) {
			int height = Math.max(SMALLEST, shorter - shorter % 2);
			// Fewer pixels need fewer bits: the 240p rate scaled by the picture's area.
			double share = (double) height * height / (HEIGHTS[0] * HEIGHTS[0]);
			rungs.add(new Rendition(height, (int) Math.max(100, Math.round(VIDEO_KBPS[0] * share * factor)), audio));
		}
		return List.copyOf(rungs);
	}

}
