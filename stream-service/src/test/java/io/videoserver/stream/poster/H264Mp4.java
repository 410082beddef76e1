package io.videoserver.stream.poster;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jcodec.api.awt.AWTSequenceEncoder;

/**
 * Real H.264 MP4s for tests, encoded by JCodec: solid-colour frames, so that a decoded
 * frame can be compared with what was drawn. JCodec writes the moov box last.
 */
public final class H264Mp4 {

	private H264Mp4() {
	}

	/**
	 * @param width the frame width
	 * @param height the frame height
	 * @param seconds the duration at 5 frames per second
	 * @param first the colour of the first second, {@code rest} after it
	 * @return the file's bytes
	 */
	public static byte[] solid(int width, int height, int seconds, Color first, Color rest) throws IOException {
		Path file = Files.createTempFile("h264", ".mp4");
		try {
			AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), 5);
			for (int frame = 0; frame < seconds * 5; frame++) {
				encoder.encodeImage(frame(width, height, (frame < 5) ? first : rest));
			}
			encoder.finish();
			return Files.readAllBytes(file);
		}
		finally {
			Files.delete(file);
		}
	}

	private static BufferedImage frame(int width, int height, Color color) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(color);
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		return image;
	}

}
