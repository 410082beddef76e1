package io.videoserver.shared.media;

/**
 * Turns the lines of {@code ffmpeg -progress pipe:1} ({@code key=value}, a block per
 * update) into a percentage of the source's duration that never goes back.
 */
final class FfmpegProgress {

	private final long durationUs;

	private int percent = -1;

	/**
	 * @param durationMs the source's duration; 0 when unknown (then only the end counts)
	 */
	FfmpegProgress(long durationMs) {
		this.durationUs = durationMs * 1000;
	}

	/**
	 * Reads one line.
	 * @return the new percentage (0 to 100) when the line moves it forward, else -1
	 */
	int accept(String line) {
		int equals = line.indexOf('=');
		if (equals < 0) {
			return -1;
		}
		String key = line.substring(0, equals).strip();
		String value = line.substring(equals + 1).strip();
		if (key.equals("progress") && value.equals("end")) {
			return advance(100);
		}
		if (key.equals("out_time_us") && this.durationUs > 0) {
			try {
				long done = Long.parseLong(value);
				return advance((int) Math.min(100, Math.max(0, done * 100 / this.durationUs)));
			}
			catch (NumberFormatException ex) {
				// "N/A" before the first frame is out
				return -1;
			}
		}
		return -1;
	}

	private int advance(int next) {
		if (next <= this.percent) {
			return -1;
		}
		this.percent = next;
		return next;
	}

}
