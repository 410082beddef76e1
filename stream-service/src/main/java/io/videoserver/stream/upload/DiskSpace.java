package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.store.VideoStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The disk that receives every upload (the staging directory, with the tus uploads below
 * it): an upload that cannot fit answers 507/013 before a byte is read, and one that
 * fills the disk on the way answers the same at once, its partial file removed. Playback
 * needs no space, so a full disk is not a reason to take the replica out of rotation.
 */
@Component
public class DiskSpace {

	/** What a client waits before trying again: an operator has to free space first. */
	static final long RETRY_AFTER_SECONDS = 60;

	private static final String MESSAGE = "The server's disk is full: the upload was not stored, try again later";

	private final Path dir;

	DiskSpace(VideoStore videos) {
		this.dir = videos.staging().toAbsolutePath().normalize();
	}

	/**
	 * Refuses an upload of {@code bytes} that the disk cannot hold now. Other uploads may
	 * take the space meanwhile: a write that finds the disk full is answered alike.
	 * @param bytes the declared size; 0 when unknown
	 * @throws ApiException 507/013 when fewer bytes are usable
	 * @throws IOException when the file system cannot be asked
	 */
	public void requireRoom(long bytes) throws IOException {
		if (bytes > 0 && Files.getFileStore(Files.createDirectories(this.dir)).getUsableSpace() < bytes) {
			throw full();
		}
	}

	/** The answer to an upload that the disk cannot hold. */
	public static ApiException full() {
		return new ApiException(ErrorCode.INSUFFICIENT_STORAGE, MESSAGE, RETRY_AFTER_SECONDS);
	}

	/**
	 * Whether a failed write means a full disk: ENOSPC, or EDQUOT (a file system quota);
	 * the JDK gives only the message of {@code strerror}.
	 */
	public static boolean isFull(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException || cause instanceof UncheckedIOException) {
				String message = String.valueOf(cause.getMessage());
				if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
					return true;
				}
			}
		}
		return false;
	}

}
