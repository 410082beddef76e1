package io.videoserver.stream.playback;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoIds;
import io.videoserver.stream.StreamProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Opens the file of a video for reading, checking the id against the server's pattern
 * first so that no request can name a path outside the video directory.
 */
@Component
class VideoFiles {

	private static final int ATTEMPTS = 3;

	private final Path dir;

	VideoFiles(StreamProperties properties) {
		this.dir = properties.dir().toAbsolutePath().normalize();
	}

	/**
	 * Opens the current version of a video.
	 * @param vid the id from the request
	 * @return the open file with its validators
	 * @throws ApiException 400/001 for an invalid id, 404/006 when there is no file
	 * @throws IOException when the file system fails
	 */
	VideoFile open(String vid) throws IOException {
		Path file = this.dir.resolve(VideoIds.require(vid));
		if (!file.getParent().equals(this.dir)) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Invalid video id");
		}
		try {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				VideoFile opened = tryOpen(file);
				if (opened != null) {
					return opened;
				}
			}
		}
		catch (NoSuchFileException ex) {
			throw new ApiException(ErrorCode.NOT_FOUND, "Video not found");
		}
		throw new ApiException(ErrorCode.UNAVAILABLE, "Video is being replaced, try again", 1);
	}

	/** Returns null when the file was replaced between stat and open (a re-upload). */
	private static @Nullable VideoFile tryOpen(Path file) throws IOException {
		BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (!before.isRegularFile()) {
			throw new NoSuchFileException(file.toString());
		}
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
		BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (!Objects.equals(before.fileKey(), after.fileKey()) || channel.size() != after.size()) {
			channel.close();
			return null;
		}
		long modified = after.lastModifiedTime().toMillis();
		String etag = "\"" + Long.toHexString(after.size()) + "-"
				+ Long.toHexString(after.lastModifiedTime().to(TimeUnit.NANOSECONDS)) + "-"
				+ Integer.toHexString(Objects.hashCode(after.fileKey())) + "\"";
		return new VideoFile(file, channel, new Validators(after.size(), etag, modified));
	}

}
