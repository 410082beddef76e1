package io.videoserver.stream.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.PublishLock;
import io.videoserver.shared.store.VideoLayout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The videos as files in one directory ({@code VIDEO_DIR}, named by {@link VideoLayout}):
 * published by an atomic rename, and read through an open {@link FileChannel} so that
 * playback can use {@code sendfile(2)} on it.
 */
public final class LocalVideoStore implements VideoStore {

	private static final Logger log = LoggerFactory.getLogger(LocalVideoStore.class);

	private static final int ATTEMPTS = 3;

	private final Path dir;

	private final DirectorySync sync;

	public LocalVideoStore(Path dir) {
		this(dir, LocalVideoStore::syncDirectory);
	}

	LocalVideoStore(Path dir, DirectorySync sync) {
		this.dir = dir.toAbsolutePath().normalize();
		this.sync = sync;
	}

	@Override
	public VideoSource open(VideoId vid) throws IOException {
		return open(file(VideoLayout.video(vid)), "Video not found");
	}

	@Override
	public VideoSource openLadderFile(VideoId vid, String version, String file) throws IOException {
		Path path = file(VideoLayout.hlsFile(vid, version, file));
		// the ladder's directories are the transcoder's, never links out of the directory
		for (Path dir = path.getParent(); !dir.equals(this.dir); dir = dir.getParent()) {
			if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
				throw new ApiException(ErrorCode.NOT_FOUND, "No such file in the video's ladders");
			}
		}
		return open(path, "No such file in the video's ladders");
	}

	@Override
	public void publish(VideoId vid, Path complete) throws IOException {
		publish(VideoLayout.video(vid), complete);
	}

	@Override
	public void publishSource(VideoId vid, Path complete) throws IOException {
		publish(VideoLayout.source(vid), complete);
	}

	@Override
	public void delete(VideoId vid) throws IOException {
		PublishLock.holding(this.dir, () -> Files.deleteIfExists(file(VideoLayout.video(vid))));
	}

	@Override
	public void deleteSource(VideoId vid) throws IOException {
		PublishLock.holding(this.dir, () -> Files.deleteIfExists(file(VideoLayout.source(vid))));
	}

	@Override
	public Path staging() {
		return this.dir; // the rename into place is atomic only within one file system
	}

	private VideoSource open(Path file, String missing) throws IOException {
		try {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				VideoSource opened = tryOpen(file);
				if (opened != null) {
					return opened;
				}
			}
		}
		catch (NoSuchFileException ex) {
			throw new ApiException(ErrorCode.NOT_FOUND, missing);
		}
		throw new ApiException(ErrorCode.UNAVAILABLE, "Video is being replaced, try again", 1);
	}

	/**
	 * Renames under the directory's publication lock, which the transcoder holds from its
	 * check that {@code {vid}} is the upload it read to its rename of the MP4 over it: an
	 * upload never lands between the two, to be replaced by an older upload's MP4.
	 */
	private void publish(String name, Path complete) throws IOException {
		PublishLock.holding(this.dir, () -> Files.move(complete, file(name), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING));
		try {
			this.sync.sync(this.dir); // the rename itself survives a crash only then
		}
		catch (IOException ex) {
			// the new version is in place and served: failing the upload now would roll
			// back its record, not the rename
			log.warn("Directory {} not flushed after publishing {}: {}", this.dir, name, ex.toString());
		}
	}

	/**
	 * The file of a name of the layout, checked to stay inside the directory (the
	 * layout's names are checked already; this is the last line).
	 */
	private Path file(String name) {
		Path file = this.dir.resolve(name).normalize();
		if (!file.startsWith(this.dir) || file.equals(this.dir)) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Invalid video id");
		}
		return file;
	}

	/**
	 * Flushes a directory's entries to disk where the platform can (not on Windows).
	 */
	static void syncDirectory(Path dir) throws IOException {
		FileChannel channel;
		try {
			channel = FileChannel.open(dir, StandardOpenOption.READ);
		}
		catch (IOException | UnsupportedOperationException ex) {
			return;
		}
		try (channel) {
			channel.force(true);
		}
	}

	/** Returns null when the file was replaced between stat and open (a re-upload). */
	private static @Nullable VideoSource tryOpen(Path file) throws IOException {
		BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (!before.isRegularFile()) {
			throw new NoSuchFileException(file.toString());
		}
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
		try {
			return opened(file, channel, before);
		}
		catch (IOException | RuntimeException | Error ex) {
			// deleted or replaced after the open: the channel must not escape
			channel.close();
			throw ex;
		}
	}

	private static @Nullable VideoSource opened(Path file, FileChannel channel, BasicFileAttributes before)
			throws IOException {
		BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (!Objects.equals(before.fileKey(), after.fileKey()) || channel.size() != after.size()) {
			channel.close();
			return null;
		}
		String etag = "\"" + Long.toHexString(after.size()) + "-"
				+ Long.toHexString(after.lastModifiedTime().to(TimeUnit.NANOSECONDS)) + "-"
				+ Integer.toHexString(Objects.hashCode(after.fileKey())) + "\"";
		return new LocalVideo(file, channel, after.size(), etag, after.lastModifiedTime().toMillis());
	}

	/** An open file; its channel is the one sendfile reads. */
	private record LocalVideo(Path path, FileChannel channel, long size, String etag,
			long lastModified) implements VideoSource {

		@Override
		public InputStream openRange(long first, long length) {
			return new FileRangeInputStream(this.channel, first, length);
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

	/** Makes a directory's entries durable; a seam for tests. */
	@FunctionalInterface
	interface DirectorySync {

		void sync(Path dir) throws IOException;

	}

}
