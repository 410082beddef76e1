package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.mp4.InvalidMp4Exception;
import io.videoserver.stream.mp4.Mp4File;
import org.jspecify.annotations.Nullable;

/**
 * Turns a completely received MP4 upload that browsers can play as it is (H.264 with AAC
 * or no audio) into a file they can play at once: its boxes must form a valid MP4, and a
 * moov box that comes after the media is moved ahead of it in a second temporary file.
 */
final class UploadedMp4 {

	private UploadedMp4() {
	}

	/**
	 * Checks the upload and writes its faststart copy when it needs one.
	 * @param part the received file, of the MP4 family by its first bytes
	 * @param faststart where to write the copy, in the same directory
	 * @return the file to publish: {@code faststart} when
	 * {@link StoredVideo#rewritten()}; null when it is left to the transcoder: other
	 * codecs, or a layout this parser does not serve (QuickTime without {@code ftyp}, a
	 * fragmented file with moov last)
	 * @throws ApiException 415/009 when the file is damaged (cut short, or its sizes and
	 * offsets point outside it)
	 */
	static @Nullable StoredVideo prepare(Path part, Path faststart) throws IOException {
		try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
			Mp4File mp4 = Mp4File.read(in);
			if (!mp4.browserPlayable()) {
				return null;
			}
			if (mp4.isFastStart()) {
				return new StoredVideo(in.size(), mp4.info(), false);
			}
			try (FileChannel out = FileChannel.open(faststart, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				mp4.writeFastStart(in, out);
				out.force(true);
				return new StoredVideo(out.size(), mp4.info(), true);
			}
		}
		catch (InvalidMp4Exception ex) {
			if (!ex.damaged()) {
				return null;
			}
			throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					"The file is not a valid MP4 video: " + ex.getMessage());
		}
	}

}
