package io.videoserver.stream.playback;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import io.videoserver.stream.store.VideoSource;
import org.jspecify.annotations.Nullable;

/**
 * An open video (or file of a ladder) and the validators of exactly the version that is
 * open, so that a re-upload published meanwhile cannot mix its ETag with the old bytes.
 *
 * @param source the open version in the store
 * @param validators its size, entity tag and modification time
 * @param contentType the media type its bytes are sent as
 * @param cacheControl the {@code Cache-Control} of its 200, 206 and 304 answers; null for
 * none (a video may be replaced by a re-upload, so caches revalidate by its ETag)
 */
record VideoFile(VideoSource source, Validators validators, String contentType,
		@Nullable String cacheControl) implements AutoCloseable {

	/** The open local file for zero copy; null when the store is not local. */
	@Nullable FileChannel channel() {
		return this.source.channel();
	}

	/** The local file for Tomcat's sendfile; null when the store is not local. */
	@Nullable Path path() {
		return this.source.path();
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

}
