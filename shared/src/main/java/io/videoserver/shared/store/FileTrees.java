package io.videoserver.shared.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes a directory tree of the local store (a video's ladders, a job's work
 * directory): the one walk the scheduler's remover and transcoder share.
 */
public final class FileTrees {

	private FileTrees() {
	}

	/**
	 * Deletes the tree, files first, then their directories; a symbolic link is removed,
	 * never followed. A tree already gone counts as deleted.
	 * @return how many files (not directories) were removed
	 */
	public static int delete(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return 0;
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(root)) {
			paths = walk.sorted(Comparator.reverseOrder()).toList();
		}
		int removed = 0;
		for (Path path : paths) {
			boolean file = !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
			removed += (Files.deleteIfExists(path) && file) ? 1 : 0;
		}
		return removed;
	}

}
