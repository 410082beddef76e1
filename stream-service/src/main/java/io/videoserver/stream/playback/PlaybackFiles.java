package io.videoserver.stream.playback;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.VideoId;
import io.videoserver.stream.store.VideoSource;
import io.videoserver.stream.store.VideoStore;

import org.springframework.stereotype.Component;

/**
 * Opens the current version of a video from the store for playback, with the validators
 * of exactly that version.
 */
@Component
class PlaybackFiles {

	private final VideoStore store;

	PlaybackFiles(VideoStore store) {
		this.store = store;
	}

	/**
	 * Opens the current version of a video.
	 * @param vid the id from the request
	 * @return the open version with its validators
	 * @throws ApiException 404/006 when there is no file
	 * @throws IOException when the store fails
	 */
	VideoFile open(VideoId vid) throws IOException {
		VideoSource source = this.store.open(vid);
		return new VideoFile(source, new Validators(source.size(), source.etag(), source.lastModified()));
	}

	/**
	 * Where a client may fetch the bytes directly (a presigned S3 address), if any.
	 */
	Optional<URI> directUri(VideoId vid) {
		return this.store.directUri(vid);
	}

}
