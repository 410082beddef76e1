package io.videoserver.stream.playback;

import java.util.List;

/**
 * What to answer to a GET or HEAD of a video, as decided by {@link RangePlanner}.
 *
 * @param status 200, 206, 304, 412 or 416
 * @param ranges the ranges to send with 206 (one: a plain body; several: multipart)
 */
record Plan(int status, List<ByteRange> ranges) {

	static final Plan WHOLE = new Plan(200, List.of());

	static final Plan NOT_MODIFIED = new Plan(304, List.of());

	static final Plan PRECONDITION_FAILED = new Plan(412, List.of());

	static final Plan UNSATISFIABLE = new Plan(416, List.of());

	boolean multipart() {
		return this.ranges.size() > 1;
	}

}
