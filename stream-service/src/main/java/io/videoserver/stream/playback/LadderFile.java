package io.videoserver.stream.playback;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.VideoLayout;
import org.jspecify.annotations.Nullable;

/**
 * A file of a published HLS ladder as a request names it,
 * {@code /videos/{vid}/hls/{version}/{file}}, every part checked by {@code shared}'s
 * {@link VideoLayout} before it names a file or an object; it knows the media type and
 * the caching its bytes are served with.
 *
 * @param vid the video
 * @param version the ladder's version
 * @param name the file's name in the ladder
 */
record LadderFile(VideoId vid, String version, String name) {

	/** The request path, as Spring MVC's pattern. */
	static final String PATTERN = "/videos/{vid}/hls/{version}/{file}";

	/** HLS playlists (RFC 8216 §4). */
	static final String PLAYLIST = "application/vnd.apple.mpegurl";

	/**
	 * The fMP4 init and media segments: video/mp4 is what every player, CDN and proxy
	 * knows (hls.js and Safari accept it; video/iso.segment is registered but unknown to
	 * many middleboxes' compression and caching rules).
	 */
	static final String SEGMENT = "video/mp4";

	/** A published ladder's files never change: a new ladder gets a new version. */
	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private static final String HLS = "/hls/";

	/**
	 * @throws ApiException 400/001 unless the version and name fit the layout
	 */
	LadderFile {
		VideoLayout.requireVersion(version);
		VideoLayout.requireHlsFile(name);
	}

	/**
	 * The ladder file of a path below {@code /videos/}
	 * ({@code {vid}/hls/{version}/{file}}), or null when it names none, for the filter
	 * that lets the controller answer the 400.
	 */
	static @Nullable LadderFile parse(String path) {
		int hls = path.indexOf(HLS);
		int slash = (hls < 0) ? -1 : path.indexOf('/', hls + HLS.length());
		if (slash < 0) {
			return null;
		}
		VideoId vid = VideoId.parse(path.substring(0, hls));
		String version = path.substring(hls + HLS.length(), slash);
		String name = path.substring(slash + 1);
		if (vid == null || !VideoLayout.isVersion(version) || !VideoLayout.isHlsFile(name)) {
			return null;
		}
		return new LadderFile(vid, version, name);
	}

	String contentType() {
		return this.name.endsWith(".m3u8") ? PLAYLIST : SEGMENT;
	}

}
