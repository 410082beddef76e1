package io.videoserver.stream.tus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Appends one PATCH body to an upload's file. The file's size is the upload's offset, so
 * whatever happens (a client that breaks off, a crash) the offset never counts a byte
 * that is not on disk; a chunk that fails its checksum or overruns the declared length is
 * cut off again.
 */
final class ChunkWriter {

	private static final int BUFFER = 64 * 1024;

	private ChunkWriter() {
	}

	/**
	 * @param file the upload's file, exactly {@code offset} bytes long
	 * @param offset where the chunk goes
	 * @param room how many bytes the declared length still allows
	 * @param body the chunk
	 * @param checksum the chunk's expected digest, or null
	 * @return the new offset
	 * @throws ApiException 413/008 beyond the declared length, 400/001 when the client
	 * broke off (the bytes that arrived are kept unless a checksum must cover them)
	 * @throws TusException 460 when the checksum does not match
	 * @throws IOException when the disk fails (is full): the chunk is discarded
	 */
	static long append(Path file, long offset, long room, InputStream body, @Nullable UploadChecksum checksum)
			throws IOException {
		byte[] buffer = new byte[BUFFER];
		try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
			out.position(offset);
			long received = 0;
			int n;
			while ((n = read(body, buffer, out, offset, checksum)) >= 0) {
				received += n;
				if (received > room) {
					out.truncate(offset);
					throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The chunk goes beyond the upload's length");
				}
				if (checksum != null) {
					checksum.update(buffer, 0, n);
				}
				write(out, offset, ByteBuffer.wrap(buffer, 0, n));
			}
			if (checksum != null && !checksum.matches()) {
				out.truncate(offset);
				throw new TusException(TusException.CHECKSUM_MISMATCH, ErrorCode.BAD_REQUEST,
						"Checksum mismatch: the chunk was discarded");
			}
			out.force(false);
			return offset + received;
		}
	}

	/**
	 * A write that fails (a full disk, above all) discards the whole chunk: the offset
	 * stays the one the client was last told, and the space its bytes took is free again.
	 */
	private static void write(FileChannel out, long offset, ByteBuffer chunk) throws IOException {
		try {
			while (chunk.hasRemaining()) {
				out.write(chunk);
			}
		}
		catch (IOException ex) {
			try {
				out.truncate(offset);
			}
			catch (IOException truncation) {
				ex.addSuppressed(truncation);
			}
			throw ex;
		}
	}

	private static int read(InputStream body, byte[] buffer, FileChannel out, long offset,
			@Nullable UploadChecksum checksum) throws IOException {
		try {
			return body.read(buffer);
		}
		catch (IOException ex) {
			// tus keeps what arrived before a disconnect,
			// but not bytes a checksum was to vouch for
			if (checksum != null) {
				out.truncate(offset);
			}
			out.force(false);
			throw new ApiException(ErrorCode.BAD_REQUEST, "The upload was interrupted");
		}
	}

}
