package io.videoserver.stream.poster;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;

/**
 * Decodes one frame of an H.264 MP4 with JCodec, in this JVM (no native codec, no ffmpeg
 * process), and encodes it as a JPEG of the video's (cropped) size.
 */
final class FrameDecoder {

	private FrameDecoder() {
	}

	/**
	 * The frame at {@code second}, decoded from the key frame before it (at most that
	 * second's frames when the caller asks for the first second).
	 * @throws IOException when the file cannot be read or the frame not decoded
	 */
	static Poster decode(Path file, double second) throws IOException {
		try (FileChannelWrapper channel = NIOUtils.readableChannel(file.toFile())) {
			FrameGrab grab = FrameGrab.createFrameGrab(channel);
			if (second > 0) {
				grab.seekToSecondPrecise(second);
			}
			Picture frame = grab.getNativeFrame();
			if (frame == null) {
				throw new IOException("The video has no frame to decode");
			}
			return jpeg(AWTUtil.toBufferedImage(frame));
		}
		catch (JCodecException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	private static Poster jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "jpeg", out)) {
			throw new IOException("No JPEG writer");
		}
		return new Poster("image/jpeg", out.toByteArray(), image.getWidth(), image.getHeight());
	}

}
