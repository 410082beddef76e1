package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Another stream-service process, for tests: stages a {@code .part} file as an upload
 * does, prints its path and keeps running (holding its owner's lock) until its standard
 * input closes or it is killed.
 */
public final class PartWriter {

	private PartWriter() {
	}

	public static void main(String[] args) throws IOException {
		Path part = StagingOwner.partFile(Path.of(args[0]), args[1]);
		Files.writeString(part, "an upload in progress");
		System.out.println(part);
		System.out.flush();
		while (System.in.read() >= 0) {
			// wait
		}
	}

}
