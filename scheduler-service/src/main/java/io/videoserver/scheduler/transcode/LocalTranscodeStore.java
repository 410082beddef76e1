package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

import io.videoserver.shared.store.FileTrees;
import io.videoserver.shared.StagingLayout;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.PublishLock;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video directory ({@code VIDEO_DIR}): a ladder is filled in a hidden directory
 * beside its place and renamed into it, an MP4 is copied beside {@code {vid}} and renamed
 * over it, both atomic within the directory's file system, as the stream-service
 * publishes.
 */
final class LocalTranscodeStore implements TranscodeStore {

	private static final Logger log = LoggerFactory.getLogger(LocalTranscodeStore.class);

	private final Path dir;

	LocalTranscodeStore(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
	}

	@Override
	public boolean available() {
		return Files.isDirectory(this.dir) && Files.isWritable(this.dir);
	}

	@Override
	public Path source(VideoId vid, Source source, Path workDir) throws IOException {
		Path file = inDir(name(vid, source));
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString(), null, "the video's file is not in the store");
		}
		return file;
	}

	@Override
	public void publishLadder(VideoId vid, String version, Path ladder) throws IOException {
		Path root = inDir(VideoLayout.hlsRoot(vid));
		Files.createDirectories(root);
		Path target = root.resolve(version);
		VideoLayout.requireVersion(version);
		Path filling = root.resolve("." + version);
		Files.createDirectory(filling);
		try {
			try (DirectoryStream<Path> files = Files.newDirectoryStream(ladder)) {
				for (Path file : files) {
					String name = file.getFileName().toString();
					if (VideoLayout.isHlsFile(name)) {
						Files.copy(file, filling.resolve(name));
					}
				}
			}
			sync(filling);
			Files.move(filling, target, StandardCopyOption.ATOMIC_MOVE);
			sync(root);
		}
		finally {
			if (Files.exists(filling)) {
				FileTrees.delete(filling);
			}
		}
	}

	@Override
	public void removeLadder(VideoId vid, String version) throws IOException {
		Path root = inDir(VideoLayout.hlsRoot(vid));
		FileTrees.delete(inDir(VideoLayout.hlsVersion(vid, version)));
		try {
			Files.deleteIfExists(root);
		}
		catch (DirectoryNotEmptyException ex) {
			// other ladders remain
		}
	}

	@Override
	public String version(VideoId vid, Source which) throws IOException {
		try {
			BasicFileAttributes file = Files.readAttributes(inDir(name(vid, which)), BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return file.size() + "-" + file.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "-" + file.fileKey();
		}
		catch (NoSuchFileException ex) {
			return ABSENT;
		}
	}

	@Override
	public StagedVideo stageVideo(VideoId vid, Path mp4, String expected) throws IOException {
		// an older-form part name: the stale-upload cleaner leaves it alone while fresh,
		// and the deletion of the video removes it with the video's other parts
		Path staged = inDir(vid.value() + "." + StagingLayout.randomId() + StagingLayout.SUFFIX);
		Path target = inDir(VideoLayout.video(vid));
		Files.copy(mp4, staged);
		sync(staged);
		return new StagedVideo() {

			private @Nullable String published;

			/**
			 * Checks and renames under the directory's publication lock, which the
			 * stream-service takes to rename an upload into place: a re-upload cannot
			 * land between the two.
			 */
			@Override
			public boolean publish() throws IOException {
				boolean replaced = PublishLock.holding(LocalTranscodeStore.this.dir, () -> {
					if (!expected.equals(version(vid, Source.VIDEO))) {
						return false;
					}
					Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
					this.published = version(vid, Source.VIDEO);
					return true;
				});
				if (replaced) {
					sync(LocalTranscodeStore.this.dir);
				}
				return replaced;
			}

			@Override
			public void unpublish() throws IOException {
				PublishLock.holding(LocalTranscodeStore.this.dir, () -> {
					if (this.published != null && this.published.equals(version(vid, Source.VIDEO))) {
						Files.deleteIfExists(target);
					}
					return null;
				});
			}

			@Override
			public void discard() {
				try {
					Files.deleteIfExists(staged);
				}
				catch (IOException ex) {
					log.warn("Could not remove the staged video {}: {}", staged, ex.toString());
				}
			}

		};
	}

	@Override
	public void removeSource(VideoId vid, String expected) throws IOException {
		PublishLock.holding(this.dir, () -> {
			if (expected.equals(version(vid, Source.UPLOAD))) {
				Files.deleteIfExists(inDir(VideoLayout.source(vid)));
			}
			return null;
		});
	}

	private static String name(VideoId vid, Source which) {
		return (which == Source.UPLOAD) ? VideoLayout.source(vid) : VideoLayout.video(vid);
	}

	/** A name of the store, checked to stay directly inside the directory. */
	private Path inDir(String name) {
		Path file = this.dir.resolve(name).normalize();
		if (!file.startsWith(this.dir) || file.equals(this.dir)) {
			throw new IllegalArgumentException("Outside the video directory: " + name);
		}
		return file;
	}

	/** Makes a file's content or a directory's entries durable where the platform can. */
	private static void sync(Path path) {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.debug("Could not flush {}: {}", path, ex.toString());
		}
	}

}
