package io.videoserver.stream.poster;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;

import org.jcodec.codecs.h264.H264Decoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class PosterAdaptorTests {

	@Test
	void closingStopsTheThreadPoolThatJcodecStartsPerDecoder() throws Exception {
		PosterAdaptor adaptor = new PosterAdaptor(ByteBuffer.allocate(0), 16, 16);
		Field decoderField = PosterAdaptor.class.getDeclaredField("decoder");
		decoderField.setAccessible(true);
		Field poolField = H264Decoder.class.getDeclaredField("tp");
		poolField.setAccessible(true);
		ExecutorService pool = (ExecutorService) poolField.get(decoderField.get(adaptor));
		assumeThat(pool).as("JCodec starts a pool on machines of several cores").isNotNull();
		assertThat(pool.isShutdown()).isFalse();

		adaptor.close();

		assertThat(pool.isShutdown()).isTrue();
	}

}
