package io.videoserver.stream.playback;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.VideoIds;
import io.videoserver.stream.store.VideoSource;
import io.videoserver.stream.store.VideoStore;

import org.springframework.stereotype.Component;

/**
 * Opens the current version of a video from the store, checking the id against the
 * server's pattern first so that no request can name anything but a video.
 */
@Component
class VideoFiles {

	private final VideoStore store;

	VideoFiles(VideoStore store) {
		this.store = store;
	}

	/**
	 * Opens the current version of a video.
	 * @param vid the id from the request
	 * @return the open version with its validators
	 * @throws ApiException 400/001 for an invalid id, 404/006 when there is no file
	 * @throws IOException when the store fails
	 */
	VideoFile open(String vid) throws IOException {
		VideoSource source = this.store.open(VideoIds.require(vid));
		return new VideoFile(source, new Validators(source.size(), source.etag(), source.lastModified()));
	}

	/**
	 * Where a client may fetch the bytes directly (a presigned S3 address), when
	 * configured.
	 */
	Optional<URI> directUri(String vid) {
		return this.store.directUri(vid);
	}

}
