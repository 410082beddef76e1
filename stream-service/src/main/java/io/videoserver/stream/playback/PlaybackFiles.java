package io.videoserver.stream.playback;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.VideoId;
import io.videoserver.stream.store.VideoSource;
import io.videoserver.stream.store.VideoStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Opens the current version of a video, or a file of one of its published HLS ladders,
 * from the store for playback, with the validators of exactly that version.
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
		return file(this.store.open(vid), RangeResponder.VIDEO_MP4, null);
	}

	/**
	 * Opens a file of a published ladder; it never changes, so it may be cached for good.
	 * @throws ApiException 404/006 when there is no such file
	 * @throws IOException when the store fails
	 */
	VideoFile open(LadderFile ladder) throws IOException {
		VideoSource source = this.store.openLadderFile(ladder.vid(), ladder.version(), ladder.name());
		return file(source, ladder.contentType(), LadderFile.IMMUTABLE);
	}

	private static VideoFile file(VideoSource source, String contentType, @Nullable String cacheControl) {
		return new VideoFile(source, new Validators(source.size(), source.etag(), source.lastModified()), contentType,
				cacheControl);
	}

	/**
	 * Where a client may fetch the bytes directly (a presigned S3 address), if any.
	 */
	Optional<URI> directUri(VideoId vid) {
		return this.store.directUri(vid);
	}

}
