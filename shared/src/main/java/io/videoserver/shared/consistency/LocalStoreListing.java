package io.videoserver.shared.consistency;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.videoserver.shared.store.PublishLock;
import io.videoserver.shared.store.VideoLayout;

/**
 * The names in the local video directory, which is also the local store's staging
 * directory: videos, kept uploads, ladder versions, partial uploads and the resumable
 * uploads' files ({@code .tus/}).
 */
class LocalStoreListing implements StoreListing {

	/** The resumable uploads' directory below the staging directory (stream-service). */
	static final String TUS_DIR = ".tus";

	/**
	 * The stream-service's process locks ({@code StagingOwner}): a live process's marks
	 * its partial uploads as in use; a killed one's is removed at a stream-service's next
	 * start. Neither is a video's, so the check passes over them.
	 */
	static final String OWNERS_DIR = ".owners";

	/** What a mounted volume's file system keeps at its root. */
	private static final String LOST_AND_FOUND = "lost+found";

	private final Path dir;

	LocalStoreListing(Path dir) {
		this.dir = dir;
	}

	@Override
	public List<StoredName> list() throws IOException {
		List<StoredName> names = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.dir)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.equals(LOST_AND_FOUND) || name.equals(OWNERS_DIR) || name.equals(PublishLock.NAME)) {
					continue;
				}
				if (Files.isDirectory(entry) && (name.endsWith(VideoLayout.HLS_SUFFIX) || name.equals(TUS_DIR))) {
					listInside(entry, name, names);
				}
				else {
					names.add(new StoredName(name, Files.getLastModifiedTime(entry).toInstant()));
				}
			}
		}
		return names;
	}

	@Override
	public boolean exists(String name) {
		Path path = this.dir.resolve(name).normalize();
		return path.startsWith(this.dir.normalize()) && Files.exists(path);
	}

	/**
	 * A ladder's versions (each with its newest file's time), or the resumable uploads'
	 * files.
	 */
	private static void listInside(Path parent, String parentName, List<StoredName> names) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
			for (Path entry : entries) {
				names.add(new StoredName(parentName + "/" + entry.getFileName(), newest(entry)));
			}
		}
	}

	private static Instant newest(Path path) throws IOException {
		try (Stream<Path> files = Files.walk(path)) {
			Instant newest = Instant.EPOCH;
			for (Path file : (Iterable<Path>) files::iterator) {
				Instant modified = Files.getLastModifiedTime(file).toInstant();
				newest = modified.isAfter(newest) ? modified : newest;
			}
			return newest;
		}
	}

}
