package io.videoserver.shared.store;

import java.util.regex.Pattern;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;

/**
 * The names of a video's files in the store, relative to the video directory or the
 * bucket's prefix: stream-service writes uploads and serves them, scheduler-service
 * transcodes and deletes them, so all three read the names by this one rule.
 * <ul>
 * <li>{@code {vid}}: the faststart H.264/AAC MP4 that {@code GET /videos/{vid}} serves;
 * present once the video is playable;</li>
 * <li>{@code {vid}.source}: an upload kept as it came (another container or codec), until
 * the transcoder has made {@code {vid}} from it;</li>
 * <li>{@code {vid}.hls/{version}/{file}}: one published HLS ladder; a new one gets a new
 * version, so a published file never changes and may be cached for good.</li>
 * </ul>
 */
public final class VideoLayout {

	/** What follows the id in the name of an upload kept as it came. */
	public static final String SOURCE_SUFFIX = ".source";

	/**
	 * What follows the id in the name of the directory (or key prefix) of its ladders.
	 */
	public static final String HLS_SUFFIX = ".hls";

	/** The master playlist's name in a ladder. */
	public static final String MASTER_PLAYLIST = "master.m3u8";

	private static final Pattern VERSION = Pattern.compile("[a-z0-9]{1,32}");

	/**
	 * The files of a ladder: the master playlist, and per rendition (its height) a media
	 * playlist, an fMP4 init segment and numbered media segments.
	 */
	private static final Pattern HLS_FILE = Pattern
		.compile("master\\.m3u8|r[0-9]{3,4}(\\.m3u8|-init\\.mp4|-[0-9]{5}\\.m4s)");

	private VideoLayout() {
	}

	/** The playable MP4's name. */
	public static String video(VideoId vid) {
		return vid.value();
	}

	/** The name of the upload kept as it came. */
	public static String source(VideoId vid) {
		return vid.value() + SOURCE_SUFFIX;
	}

	/** The directory (or key prefix, without its trailing slash) of every ladder. */
	public static String hlsRoot(VideoId vid) {
		return vid.value() + HLS_SUFFIX;
	}

	/** A ladder's directory (or key prefix, without its trailing slash). */
	public static String hlsVersion(VideoId vid, String version) {
		requireVersion(version);
		return hlsRoot(vid) + "/" + version;
	}

	/** A file of a ladder. */
	public static String hlsFile(VideoId vid, String version, String file) {
		requireHlsFile(file);
		return hlsVersion(vid, version) + "/" + file;
	}

	/** Whether a string may name a ladder's version. */
	public static boolean isVersion(String version) {
		return VERSION.matcher(version).matches();
	}

	/** Whether a string may name a file of a ladder. */
	public static boolean isHlsFile(String file) {
		return HLS_FILE.matcher(file).matches();
	}

	/**
	 * @throws ApiException 400/001 unless the string may name a ladder's version
	 */
	public static void requireVersion(String version) {
		if (!isVersion(version)) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Not a ladder version: " + version);
		}
	}

	/**
	 * @throws ApiException 400/001 unless the string may name a file of a ladder
	 */
	public static void requireHlsFile(String file) {
		if (!isHlsFile(file)) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Not a file of a ladder: " + file);
		}
	}

}
