package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.media.ContainerKind;
import io.videoserver.stream.store.VideoStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The local side of an upload: streams a body to a {@code .part} file in the store's
 * staging directory ({@link StagingOwner}) and turns a complete file into one ready to
 * publish: a browser-playable MP4 checked and in faststart order (rewritten into a second
 * {@code .part} file when its moov comes last), or any other video as it came, so that
 * the store only ever receives complete files.
 */
@Component
class UploadStaging {

	private final Path dir;

	private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

	private final BodyWriter writer;

	UploadStaging(VideoStore videos, BodyWriter writer) {
		this.dir = videos.staging().toAbsolutePath().normalize();
		this.writer = writer;
	}

	/**
	 * Marks the video as receiving an upload here until the claim is closed.
	 * @throws ApiException 409/005 while another upload of the video runs here
	 */
	Claim claim(String vid) {
		if (!this.inProgress.add(vid)) {
			throw new ApiException(ErrorCode.ALREADY_EXISTS, "An upload of this video is already in progress");
		}
		return () -> this.inProgress.remove(vid);
	}

	/**
	 * Streams a body to a new staging file, admitting its bytes as they arrive.
	 * @param reservation the upload's space, grown as the body needs
	 * @return the complete file, which the caller removes
	 * @throws ApiException 413/008 over the limit, 415/009 for a non-video, 400/001 when
	 * the client broke off; the file is gone then
	 * @throws IOException when the disk fails
	 */
	Path receive(String vid, InputStream body, Reservation reservation) throws IOException {
		Path part = partFile(vid);
		try {
			this.writer.write(body, part, reservation);
			return part;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(part);
			throw ex;
		}
	}

	/**
	 * Checks a completely received upload and, when browsers can play it as it is (an
	 * H.264/AAC MP4), rewrites it to faststart order when needed. The part of the
	 * admission that needs the whole file.
	 * @param vid a valid video id
	 * @param received the received file, in the staging directory or below; left as it is
	 * @return the file to publish, which closing removes if it is still there: the
	 * faststart copy, or a hard link to the received file (a copy where links are not
	 * supported), so that the store may move it and the received bytes stay for a retry;
	 * null when the upload is for the transcoder (another container or codec)
	 * @throws ApiException 415/009 for a file that is not a video container or a damaged
	 * MP4
	 * @throws IOException when the disk fails
	 */
	@Nullable CheckedFile checkPlayable(String vid, Path received) throws IOException {
		if (container(received) != ContainerKind.MP4) {
			return null;
		}
		Path faststart = partFile(vid);
		try {
			StoredVideo video = UploadedMp4.prepare(received, faststart);
			if (video == null) {
				return null;
			}
			return new CheckedFile(video, video.rewritten() ? faststart : linkTo(received, partFile(vid)));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(faststart);
			throw ex;
		}
	}

	/**
	 * A file to publish as the upload's kept source: a hard link to the received file (a
	 * copy where links are not supported), so that the received bytes stay for a retry.
	 * @return the file, which closing removes if the store has not taken it
	 */
	SourceFile source(String vid, Path received) throws IOException {
		return new SourceFile(linkTo(received, partFile(vid)));
	}

	/** The container the file's first bytes announce. */
	private static ContainerKind container(Path file) throws IOException {
		byte[] head = new byte[ContainerKind.HEAD];
		int length = 0;
		try (InputStream in = Files.newInputStream(file)) {
			length = in.readNBytes(head, 0, head.length);
		}
		ContainerKind kind = ContainerKind.sniff(head, length);
		if (kind == null) {
			// the body's first bytes were admitted; this is a file changed since
			throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, UploadAdmission.NOT_A_VIDEO);
		}
		return kind;
	}

	/**
	 * A new file name for an upload of the video in the staging directory, owned by this
	 * process (see {@link StagingOwner}).
	 */
	private Path partFile(String vid) throws IOException {
		return StagingOwner.partFile(this.dir, vid);
	}

	private static Path linkTo(Path file, Path link) throws IOException {
		try {
			Files.createLink(link, file);
			// the link shares the upload's time stamp: young, so that no replica's
			// start-up cleaner takes it for an abandoned .part file while it publishes
			return Files.setLastModifiedTime(link, FileTime.from(Instant.now()));
		}
		catch (UnsupportedOperationException | IOException ex) {
			Files.deleteIfExists(link);
			return Files.copy(file, link);
		}
	}

	/** Held while an upload of a video runs here. */
	interface Claim extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * An upload to be published as it came, for the transcoder; closing removes its file
	 * unless the store has taken it.
	 *
	 * @param file the file to publish, in the staging directory
	 */
	record SourceFile(Path file) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			Files.deleteIfExists(this.file);
		}

	}

	/**
	 * A checked upload ready to be published; closing removes its file unless the store
	 * has taken it.
	 *
	 * @param video what the file is
	 * @param file the file to publish, in the staging directory
	 */
	record CheckedFile(StoredVideo video, Path file) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			Files.deleteIfExists(this.file);
		}

	}

}
