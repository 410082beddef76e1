package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes a directory tree (a work directory, a ladder) without following links.
 */
final class Trees {

	private Trees() {
	}

	/**
	 * Deletes the tree; a tree already gone counts as deleted.
	 * @return how many files and directories were removed
	 */
	static int delete(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return 0;
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(root)) {
			paths = walk.sorted(Comparator.reverseOrder()).toList();
		}
		int removed = 0;
		for (Path path : paths) {
			removed += Files.deleteIfExists(path) ? 1 : 0;
		}
		return removed;
	}

}
