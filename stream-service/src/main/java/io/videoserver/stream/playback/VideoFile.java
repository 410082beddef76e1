package io.videoserver.stream.playback;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An open video file and the validators of exactly the version that is open, so that a
 * re-upload renamed into place meanwhile cannot mix its ETag with the old bytes.
 *
 * @param path where the file is
 * @param channel the open file
 * @param validators its size, entity tag and modification time
 */
record VideoFile(Path path, FileChannel channel, Validators validators) implements AutoCloseable {

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
