package io.videoserver.stream.playback;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies sent with sendfile from the request thread arrive whole and in order after their
 * headers, on a connection that keeps serving the next requests (Tomcat's view of the
 * response stays consistent), and small bodies are still copied.
 */
class ZeroCopyPlaybackTests extends StreamIntegrationTest {

	private static final int SIZE = 3 * 1024 * 1024;

	@Autowired
	private Transfers transfers;

	@Test
	void rangesAndWholeFilesGoThroughZeroCopyOnOneKeptAliveConnection() throws Exception {
		byte[] content = new byte[SIZE];
		new Random(11).nextBytes(content);
		String vid = VideoIds.newId();
		Files.write(VIDEO_DIR.resolve(vid), content);
		long zeroCopy = this.transfers.sent(Transfers.Kind.ZERO_COPY);
		long copy = this.transfers.sent(Transfers.Kind.COPY);
		try (Socket socket = RawHttp.open(this.port)) {
			assertThat(exchange(socket, vid, "bytes=100000-1148575", 206))
				.isEqualTo(Arrays.copyOfRange(content, 100_000, 1_148_576));
			assertThat(exchange(socket, vid, null, 200)).isEqualTo(content);
			assertThat(exchange(socket, vid, "bytes=-" + (ZeroCopy.MIN_LENGTH - 1), 206))
				.isEqualTo(Arrays.copyOfRange(content, SIZE - (int) ZeroCopy.MIN_LENGTH + 1, SIZE));
			assertThat(exchange(socket, vid, "bytes=" + (SIZE - 70_000) + "-", 206))
				.isEqualTo(Arrays.copyOfRange(content, SIZE - 70_000, SIZE));
		}
		assertThat(this.transfers.sent(Transfers.Kind.ZERO_COPY)).isEqualTo(zeroCopy + 3);
		assertThat(this.transfers.sent(Transfers.Kind.COPY)).isEqualTo(copy + 1);
	}

	/**
	 * One keep-alive request on the socket; returns the body of exactly Content-Length.
	 */
	private static byte[] exchange(Socket socket, String vid, @Nullable String range, int status) throws IOException {
		String request = "GET /videos/" + vid + " HTTP/1.1\r\nHost: x\r\n"
				+ ((range != null) ? "Range: " + range + "\r\n" : "") + "\r\n";
		socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
		InputStream in = socket.getInputStream();
		String head = RawHttp.readHead(in);
		assertThat(head).startsWith("HTTP/1.1 " + status).doesNotContain("Connection: close");
		int length = Integer.parseInt(head.replaceAll("(?s).*\r\nContent-Length: (\\d+)\r\n.*", "$1"));
		return in.readNBytes(length);
	}

}
