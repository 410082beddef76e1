package io.videoserver.api.video;

import java.util.ArrayList;
import java.util.List;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.VideoLayout;
import org.jspecify.annotations.Nullable;

/**
 * Where the stream-service serves a video's published ladder, by the store's rules for
 * its names ({@link VideoLayout}), and which heights the ladder has.
 */
final class HlsAddress {

	private HlsAddress() {
	}

	/**
	 * The master playlist's path on the stream-service.
	 * @param id the video's id
	 * @param transcode its transcoding row, or null
	 * @return {@code /videos/{vid}/hls/{version}/master.m3u8}, or null when no ladder is
	 * published (or the row names one the store could not hold)
	 */
	static @Nullable String masterPlaylist(String id, @Nullable Transcode transcode) {
		if (transcode == null || transcode.hlsVersion() == null) {
			return null;
		}
		VideoId vid = VideoId.parse(id);
		String version = transcode.hlsVersion();
		if (vid == null || !VideoLayout.isVersion(version)) {
			return null;
		}
		return "/videos/" + vid.value() + "/hls/" + version + "/" + VideoLayout.MASTER_PLAYLIST;
	}

	/**
	 * The published ladder's heights.
	 * @param renditions the column's value, comma-separated heights ({@code 240,480})
	 * @return the heights, lowest first; what is not a height is left out
	 */
	static List<Integer> heights(@Nullable String renditions) {
		List<Integer> heights = new ArrayList<>();
		if (renditions == null) {
			return heights;
		}
		for (String part : renditions.split(",")) {
			String height = part.strip();
			if (height.matches("[0-9]{1,5}") && Integer.parseInt(height) > 0) {
				heights.add(Integer.parseInt(height));
			}
		}
		heights.sort(null);
		return heights;
	}

}
