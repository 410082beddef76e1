package io.videoserver.stream.poster;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import javax.imageio.ImageIO;

import io.videoserver.stream.mp4.AvcTrack;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.MP4Util;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.demuxer.CodecMP4DemuxerTrack;
import org.jcodec.scale.AWTUtil;

import org.springframework.stereotype.Component;

/**
 * Decodes one frame of an H.264 MP4 with JCodec, in this JVM (no native codec, no ffmpeg
 * process), and encodes it as a JPEG of the video's (cropped) size. JCodec trusts what it
 * reads, so nothing reaches it unchecked: the sample tables and sample sizes
 * ({@link AvcTrack}), the parameter sets' picture size and counts and each sample's NAL
 * units ({@link ParameterSets}, {@link CheckedTrack}).
 */
@Component
class FrameDecoder {

	/** No frame of a video we decode is larger; JCodec reads a sample at once. */
	static final long MAX_SAMPLE = 16L * 1024 * 1024;

	/** From the key frame to the poster's frame: a second of 120 frames, and more. */
	static final int MAX_SAMPLES = 300;

	/**
	 * The frame at {@code second}, decoded from the key frame before it.
	 * @param maxPixels the largest picture (coded, and cropped) to decode
	 * @throws IOException when the file cannot be read, is beyond the bounds or the frame
	 * does not decode
	 */
	Poster decode(Path file, double second, long maxPixels) throws IOException {
		ByteBuffer config;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			AvcTrack track = AvcTrack.read(channel)
				.orElseThrow(() -> new InvalidStreamException("no H.264 track whose tables hold what they count"));
			if (track.largestSample() > MAX_SAMPLE) {
				throw new InvalidStreamException("a sample of " + track.largestSample() + " bytes");
			}
			config = track.decoderConfig();
		}
		checkMisreadSps(config);
		try (FileChannelWrapper channel = NIOUtils.readableChannel(file.toFile())) {
			return decode(channel, config, second, maxPixels);
		}
		catch (JCodecException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	private Poster decode(FileChannelWrapper channel, ByteBuffer config, double second, long maxPixels)
			throws IOException, JCodecException {
		MovieBox moov = MP4Util.parseMovieChannel(channel);
		CodecMP4DemuxerTrack raw = new CodecMP4DemuxerTrack(moov, moov.getVideoTrack(), channel);
		DemuxerTrackMeta meta = raw.getMeta();
		ParameterSets sets = new ParameterSets(maxPixels);
		for (ByteBuffer nal : H264Utils.splitFrame(meta.getCodecPrivate().duplicate())) {
			sets.check(nal);
		}
		if (sets.codedWidth() == 0) {
			throw new InvalidStreamException("no sequence parameter set");
		}
		CheckedTrack video = new CheckedTrack(raw, meta, sets, MAX_SAMPLES);
		try (PosterAdaptor adaptor = new PosterAdaptor(meta.getCodecPrivate(), sets.codedWidth(), sets.codedHeight())) {
			FrameGrab grab = new FrameGrab(video, adaptor);
			if (second > 0) {
				grab.seekToSecondPrecise(second);
			}
			Picture frame = grab.getNativeFrame();
			if (frame == null) {
				throw new IOException("The video has no frame to decode");
			}
			return jpeg(AWTUtil.toBufferedImage(frame));
		}
	}

	/** JCodec's demuxer reads the first sequence parameter set once a byte off. */
	private static void checkMisreadSps(ByteBuffer config) throws InvalidStreamException {
		ByteBuffer in = config.duplicate();
		if (in.remaining() < 8) {
			throw new InvalidStreamException("a decoder configuration of " + in.remaining() + " bytes");
		}
		in.position(5);
		if ((in.get() & 0x1F) == 0) {
			return;
		}
		int length = Short.toUnsignedInt(in.getShort());
		if (length > in.remaining()) {
			throw new InvalidStreamException("a truncated sequence parameter set");
		}
		ParameterSets.checkMisread(in.slice().limit(length));
	}

	private static Poster jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "jpeg", out)) {
			throw new IOException("No JPEG writer");
		}
		return new Poster("image/jpeg", out.toByteArray(), image.getWidth(), image.getHeight());
	}

}
