package io.videoserver.stream.poster;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;

import org.jcodec.api.MediaInfo;
import org.jcodec.api.specific.ContainerAdaptor;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;

/**
 * Hands the checked samples to JCodec's H.264 decoder, in a picture sized by the checked
 * parameter sets; closing it stops the thread pool that each JCodec decoder starts for
 * itself and never stops.
 */
final class PosterAdaptor implements ContainerAdaptor, AutoCloseable {

	private final H264Decoder decoder;

	private final Size size;

	PosterAdaptor(ByteBuffer codecPrivate, int codedWidth, int codedHeight) {
		this.decoder = H264Decoder.createH264DecoderFromCodecPrivate(codecPrivate);
		this.size = new Size(codedWidth, codedHeight);
	}

	@Override
	public Picture decodeFrame(Packet packet, byte[][] data) {
		return this.decoder.decodeFrame(packet.getData(), data);
	}

	@Override
	public boolean canSeek(Packet packet) {
		return H264Utils.idrSlice(H264Utils.splitFrame(packet.getData()));
	}

	@Override
	public byte[][] allocatePicture() {
		return Picture.create(this.size.getWidth(), this.size.getHeight(), ColorSpace.YUV420).getData();
	}

	@Override
	public MediaInfo getMediaInfo() {
		return new MediaInfo(this.size);
	}

	@Override
	public void close() {
		try {
			Field pool = H264Decoder.class.getDeclaredField("tp");
			pool.setAccessible(true);
			if (pool.get(this.decoder) instanceof ExecutorService threads) {
				threads.shutdownNow();
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// another JCodec version: its threads are daemons, left to it
		}
	}

}
