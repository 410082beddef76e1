package io.videoserver.stream.limit;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.videoserver.shared.testhttp.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What fills the limiter in these tests: a sparse video larger than any socket buffers,
 * and a client that starts playing it and stops reading, so that it keeps its stream.
 */
final class HeldStreams {

	private static final long SIZE = 256L * 1024 * 1024;

	private HeldStreams() {
	}

	/** Writes a sparse video of {@link #SIZE} bytes under the id in the directory. */
	static void createVideo(Path dir, String vid) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(dir.resolve(vid).toFile(), "rw")) {
			file.setLength(SIZE);
		}
	}

	/**
	 * Starts playing the video and reads its first bytes; the caller closes the socket.
	 */
	static Socket hold(int port, String vid) throws IOException {
		Socket socket = RawHttp.open(port);
		socket.getOutputStream()
			.write(("GET /videos/" + vid + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		InputStream in = socket.getInputStream();
		assertThat(RawHttp.readHead(in)).startsWith("HTTP/1.1 200");
		in.readNBytes(1000);
		return socket;
	}

}
