package io.videoserver.stream.store;

import io.videoserver.shared.VideoId;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The video files, wherever they are kept, named by {@code shared}'s
 * {@link io.videoserver.shared.store.VideoLayout}: playback opens one version of a video
 * or a file of a published HLS ladder, an upload publishes a complete local file as the
 * new version (or as the source kept for the transcoder), deletion removes it.
 */
public interface VideoStore {

	/**
	 * Opens the current version of a video for reading.
	 * @param vid a valid video id
	 * @return the open version with its validators
	 * @throws io.videoserver.shared.ApiException 404/006 when there is none
	 * @throws IOException when the store fails
	 */
	VideoSource open(VideoId vid) throws IOException;

	/**
	 * Opens a file of a published HLS ladder ({@code {vid}.hls/{version}/{file}}); such a
	 * file never changes once published.
	 * @param vid a valid video id
	 * @param version the ladder's version, checked here by {@code VideoLayout}
	 * @param file the file's name in the ladder, checked here by {@code VideoLayout}
	 * @return the open file with its validators
	 * @throws io.videoserver.shared.ApiException 400/001 for a version or file name
	 * outside the layout, 404/006 when there is no such file
	 * @throws IOException when the store fails
	 */
	VideoSource openLadderFile(VideoId vid, String version, String file) throws IOException;

	/**
	 * Makes a complete, checked local file the video's current version at once, so that
	 * readers see the old version or the new one, never a partial one. The local file is
	 * moved or deleted afterwards, also on failure.
	 * @param vid a valid video id
	 * @param complete the finished file in {@link #staging()}
	 * @throws IOException when the store fails; the old version is then left in place
	 */
	void publish(VideoId vid, Path complete) throws IOException;

	/**
	 * Keeps an upload that browsers cannot play as it came, as the video's source
	 * ({@code {vid}.source}) for the transcoder, with the atomicity of
	 * {@link #publish(VideoId, Path)}: the transcoder reads the old source or the new
	 * one, never a partial one. The local file is moved or deleted afterwards, also on
	 * failure.
	 * @param vid a valid video id
	 * @param complete the finished file in {@link #staging()}
	 * @throws IOException when the store fails; the old source is then left in place
	 */
	void publishSource(VideoId vid, Path complete) throws IOException;

	/**
	 * Removes a video's kept source, when a playable upload replaced it; one that is
	 * already gone is no error.
	 * @param vid a valid video id
	 * @throws IOException when the store fails
	 */
	void deleteSource(VideoId vid) throws IOException;

	/**
	 * Removes a video's current version; one that is already gone is no error.
	 * @param vid a valid video id
	 * @throws IOException when the store fails
	 */
	void delete(VideoId vid) throws IOException;

	/**
	 * The local directory where uploads are received and checked before they are
	 * published to the store.
	 */
	Path staging();

	/**
	 * A short-lived address from which a client may fetch the video's bytes directly,
	 * when the store offers one and it is configured.
	 * @param vid a valid video id that {@link #open(VideoId) exists}
	 */
	default Optional<URI> directUri(VideoId vid) {
		return Optional.empty();
	}

}
