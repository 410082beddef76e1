package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

import io.videoserver.shared.media.MediaInfo;
import org.jspecify.annotations.Nullable;

/**
 * Makes a probed source into a ladder (and, when asked, the playable MP4 and a poster):
 * ffmpeg in the application, a stand-in where a test is about the queue, not the media.
 */
interface Encoder {

	/**
	 * @param source the file to read
	 * @param info what the probe found in it
	 * @param out an empty directory for the results
	 * @param withVideo whether to make the faststart MP4 and the poster too
	 * @param progress told the percentage done, now and then
	 * @param cancel stops the run when the job is cancelled
	 * @return what was made, all inside {@code out}
	 * @throws EncodeException when ffmpeg failed or ran out of time
	 * @throws IOException when the files could not be read or written
	 */
	Encoded encode(Path source, MediaInfo info, Path out, boolean withVideo, IntConsumer progress, Cancel cancel)
			throws EncodeException, IOException;

	/**
	 * What one run made.
	 *
	 * @param ladder the directory of the ladder's files (master.m3u8 and the renditions)
	 * @param heights the renditions' heights, lowest first
	 * @param video the faststart H.264/AAC MP4, when asked for
	 * @param poster the JPEG poster, when asked for and made
	 */
	record Encoded(Path ladder, List<Integer> heights, @Nullable Path video, @Nullable Path poster) {
	}

	/** ffmpeg failed; the message says why in words (its last error line). */
	class EncodeException extends Exception {

		EncodeException(String message) {
			super(message);
		}

		EncodeException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
