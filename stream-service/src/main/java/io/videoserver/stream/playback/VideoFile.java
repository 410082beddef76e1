package io.videoserver.stream.playback;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * An open video file and the validators of exactly the version that is open, so that a
 * re-upload renamed into place meanwhile cannot mix its ETag with the old bytes.
 *
 * @param channel the open file
 * @param validators its size, entity tag and modification time
 */
record VideoFile(FileChannel channel, Validators validators) implements AutoCloseable {

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
