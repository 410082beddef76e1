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

	/**
	 * A source this much taller than the highest standard rung below it also gets a rung
	 * of its own size, so that a 360p or 576p upload is not cut down to 240p or 480p at
	 * its best (the MP4 that plain players get is made from the top rung).
	 */
	private static final double OWN_RUNG_MARGIN = 1.25;

	/** The smallest rung, so its files still have names of the store's form. */
	private static final int SMALLEST = 100;

	private Ladder() {
	}

	/**
	 * The rungs for a source: each of 240, 480, 720 and 1080 that is not larger than the
	 * picture's shorter side as shown; a smaller picture gets one rung of its own size
	 * (made even, and at least 100), and so does one well between two standard rungs.
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
		int own = Math.max(SMALLEST, shorter - shorter % 2);
		if (rungs.isEmpty()) {
			rungs.add(new Rendition(own, scaledKbps(0, own, factor), audio));
		}
		else if (rungs.size() < HEIGHTS.length && own >= rungs.get(rungs.size() - 1).height() * OWN_RUNG_MARGIN) {
			rungs.add(new Rendition(own, scaledKbps(rungs.size() - 1, own, factor), audio));
		}
		return List.copyOf(rungs);
	}

	/** Fewer or more pixels need fewer or more bits: a rung's rate scaled by the area. */
	private static int scaledKbps(int rung, int height, double factor) {
		double share = (double) height * height / (HEIGHTS[rung] * HEIGHTS[rung]);
		return (int) Math.max(100, Math.round(VIDEO_KBPS[rung] * share * factor));
	}

}
