package io.videoserver.stream.view;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;

/**
 * One row of {@code video_view}: a viewer of a video in one window.
 *
 * @param vid the video's id, checked
 * @param viewer the viewer's hash
 * @param windowStart the start of the window, UTC as the database keeps times
 */
record ViewKey(String vid, Viewer viewer, LocalDateTime windowStart) {

	/**
	 * The order rows are written in, so that two replicas writing overlapping batches
	 * take their locks in the same order.
	 */
	static final Comparator<ViewKey> WRITE_ORDER = Comparator.comparing(ViewKey::vid)
		.thenComparing(Comparator.comparing(ViewKey::windowStart))
		.thenComparingLong((key) -> key.viewer().high())
		.thenComparingLong((key) -> key.viewer().low());

	/**
	 * The window an instant falls in: windows are aligned to the epoch, so every replica
	 * puts the same view in the same window without talking to the others.
	 */
	static LocalDateTime windowStart(Instant now, Duration window) {
		long length = window.toSeconds();
		long start = Math.floorDiv(now.getEpochSecond(), length) * length;
		return LocalDateTime.ofEpochSecond(start, 0, ZoneOffset.UTC);
	}

}
