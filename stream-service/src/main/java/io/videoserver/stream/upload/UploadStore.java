package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.store.VideoStore;

import org.springframework.stereotype.Component;

/**
 * Streams an upload to {@code {vid}.{random}.part} in the store's local staging directory
 * and publishes it to the store only when it is complete and a valid MP4 (rewritten to
 * faststart order into a second {@code .part} file when its moov comes last), so a reader
 * never sees a partial file and readers of the old file keep their consistent old bytes.
 */
@Component
public class UploadStore {

	private static final int BUFFER = 64 * 1024;

	/**
	 * An MP4 starts with a box whose type, at offset 4, is {@code ftyp}: checked at once,
	 * so that a client sending something else is not kept sending.
	 */
	private static final int SNIFF = 8;

	private final VideoStore videos;

	private final Path dir;

	private final long maxSize;

	private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

	private final UploadMetrics metrics;

	UploadStore(VideoStore videos, StreamProperties properties, UploadMetrics metrics) {
		this.videos = videos;
		this.metrics = metrics;
		this.dir = videos.staging().toAbsolutePath().normalize();
		this.maxSize = properties.upload().maxSize().toBytes();
	}

	/** The largest accepted video file, in bytes. */
	public long maxSize() {
		return this.maxSize;
	}

	/**
	 * Stores a complete upload as the video's file, in faststart order.
	 * @param vid a valid video id
	 * @param body the file's bytes
	 * @param limit the most the file may have (size limit or quota)
	 * @param publication decides, once the file is complete and checked, whether it is
	 * published: it publishes the file to the store by calling the move it is given
	 * @return the stored file's size and what its boxes say
	 * @throws ApiException 409/005 while another upload of the video runs here, 413/008
	 * over the limit, 415/009 for a non-MP4, 400/001 when the client broke off
	 * @throws IOException when the disk fails
	 */
	StoredVideo store(String vid, InputStream body, UploadLimit limit, Publication publication) throws IOException {
		if (!this.inProgress.add(vid)) {
			throw new ApiException(ErrorCode.ALREADY_EXISTS, "An upload of this video is already in progress");
		}
		Path part = partFile(vid);
		try {
			copy(body, part, limit);
			return complete(vid, part, false, publication);
		}
		finally {
			Files.deleteIfExists(part);
			this.inProgress.remove(vid);
		}
	}

	/**
	 * Checks a completely received upload, rewrites it to faststart order when needed and
	 * hands it to the publication, which publishes it to the store; the staging files are
	 * gone afterwards, whatever happened, and the received file too unless it is kept.
	 * @param vid a valid video id
	 * @param part the received file, in the staging directory or below it
	 * @param keep whether the received file stays as it is (a resumable upload keeps its
	 * bytes until its video is recorded, so that a failed publication can be retried):
	 * the store then gets a hard link to it, or a copy where links are not supported
	 * @param publication decides, once the file is checked, whether it is published
	 * @return the stored file's size and what its boxes say
	 * @throws ApiException 415/009 for an invalid MP4
	 * @throws IOException when the disk or the store fails
	 */
	StoredVideo complete(String vid, Path part, boolean keep, Publication publication) throws IOException {
		Path faststart = partFile(vid);
		Path link = partFile(vid);
		try {
			StoredVideo stored = UploadedMp4.prepare(part, faststart);
			Path ready = stored.rewritten() ? faststart : keep ? linkTo(part, link) : part;
			publication.publish(stored, ready, () -> this.videos.publish(vid, ready));
			return stored;
		}
		finally {
			if (!keep) {
				Files.deleteIfExists(part);
			}
			Files.deleteIfExists(faststart);
			Files.deleteIfExists(link);
		}
	}

	private static Path linkTo(Path file, Path link) throws IOException {
		try {
			return Files.createLink(link, file);
		}
		catch (UnsupportedOperationException | IOException ex) {
			return Files.copy(file, link);
		}
	}

	/** A new file name for an upload of the video in the staging directory. */
	Path partFile(String vid) {
		return this.dir.resolve(vid + "." + UUID.randomUUID().toString().replace("-", "") + ".part");
	}

	private long copy(InputStream body, Path part, UploadLimit limit) throws IOException {
		byte[] buffer = new byte[BUFFER];
		try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			int first = readAtLeast(body, buffer, SNIFF);
			if (first < SNIFF || buffer[4] != 'f' || buffer[5] != 't' || buffer[6] != 'y' || buffer[7] != 'p') {
				throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The file is not an MP4 video");
			}
			long size = 0;
			for (int n = first; n >= 0; n = read(body, buffer, 0, buffer.length)) {
				size += n;
				this.metrics.received(n);
				if (size > limit.bytes()) {
					throw limit.exceeded();
				}
				ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
				while (chunk.hasRemaining()) {
					out.write(chunk);
				}
			}
			out.force(true);
			return size;
		}
	}

	/** The last step of an upload, between its check and its publication. */
	@FunctionalInterface
	interface Publication {

		void publish(StoredVideo stored, Path file, StoreWrite move) throws IOException;

	}

	/** Publishes a complete upload to the store, replacing the video's old version. */
	@FunctionalInterface
	interface StoreWrite {

		void run() throws IOException;

	}

	private static int readAtLeast(InputStream body, byte[] buffer, int wanted) throws IOException {
		int total = 0;
		while (total < wanted) {
			int n = read(body, buffer, total, buffer.length - total);
			if (n < 0) {
				break;
			}
			total += n;
		}
		return total;
	}

	private static int read(InputStream body, byte[] buffer, int offset, int length) throws IOException {
		try {
			return body.read(buffer, offset, length);
		}
		catch (IOException ex) {
			throw new UploadInterruptedException();
		}
	}

}
