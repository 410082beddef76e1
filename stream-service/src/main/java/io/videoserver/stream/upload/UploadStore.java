package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.StreamProperties;

import org.springframework.stereotype.Component;

/**
 * Streams an upload to {@code {vid}.{random}.part} beside the final file and renames it
 * into place atomically only when it is complete and a valid MP4 (rewritten to faststart
 * order into a second {@code .part} file when its moov comes last), so a reader never
 * sees a partial file and readers of the old file keep their consistent old bytes.
 */
@Component
public class UploadStore {

	private static final int BUFFER = 64 * 1024;

	/**
	 * An MP4 starts with a box whose type, at offset 4, is {@code ftyp}: checked at once,
	 * so that a client sending something else is not kept sending.
	 */
	private static final int SNIFF = 8;

	private final Path dir;

	private final long maxSize;

	private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

	UploadStore(StreamProperties properties) {
		this.dir = properties.dir().toAbsolutePath().normalize();
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
	 * @return the stored file's size and what its boxes say
	 * @throws ApiException 409/005 while another upload of the video runs here, 413/008
	 * over the size limit, 415/009 for a non-MP4, 400/001 when the client broke off
	 * @throws IOException when the disk fails
	 */
	StoredVideo store(String vid, InputStream body) throws IOException {
		if (!this.inProgress.add(vid)) {
			throw new ApiException(ErrorCode.ALREADY_EXISTS, "An upload of this video is already in progress");
		}
		Path part = partFile(vid);
		try {
			copy(body, part);
			return complete(vid, part);
		}
		finally {
			Files.deleteIfExists(part);
			this.inProgress.remove(vid);
		}
	}

	/**
	 * The last step of every upload, however its bytes arrived: checks the received file,
	 * rewrites it to faststart order when needed, renames it into place atomically and
	 * removes the temporary files.
	 * @param vid a valid video id
	 * @param part the completely received file, on the same file system as the videos
	 * @return the stored file's size and what its boxes say
	 * @throws ApiException 415/009 for a non-MP4 (the part is removed all the same)
	 * @throws IOException when the disk fails
	 */
	public StoredVideo complete(String vid, Path part) throws IOException {
		Path faststart = partFile(vid);
		try {
			StoredVideo stored = UploadedMp4.prepare(part, faststart);
			Files.move(stored.rewritten() ? faststart : part, this.dir.resolve(vid), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			return stored;
		}
		finally {
			Files.deleteIfExists(part);
			Files.deleteIfExists(faststart);
		}
	}

	private Path partFile(String vid) {
		return this.dir.resolve(vid + "." + UUID.randomUUID().toString().replace("-", "") + ".part");
	}

	void delete(String vid) throws IOException {
		Files.deleteIfExists(this.dir.resolve(vid));
	}

	private long copy(InputStream body, Path part) throws IOException {
		byte[] buffer = new byte[BUFFER];
		try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			int first = readAtLeast(body, buffer, SNIFF);
			if (first < SNIFF || buffer[4] != 'f' || buffer[5] != 't' || buffer[6] != 'y' || buffer[7] != 'p') {
				throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The file is not an MP4 video");
			}
			long size = 0;
			for (int n = first; n >= 0; n = read(body, buffer, 0, buffer.length)) {
				size += n;
				if (size > this.maxSize) {
					throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
							"The video is larger than " + this.maxSize + " bytes");
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
