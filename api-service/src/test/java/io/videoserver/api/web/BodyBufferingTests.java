package io.videoserver.api.web;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.testhttp.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies on a real port: read without blocking, handed whole to the handler, and given up
 * when they do not arrive within the connection timeout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "server.tomcat.connection-timeout=1s" })
@Import(TestDatabase.class)
class BodyBufferingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	@LocalServerPort
	private int port;

	@Test
	void aBodyThatArrivesInPiecesReachesTheHandlerWhole() throws Exception {
		String body = "{\"user_name\":\"pieces\",\"pwd\":\"pieces-password-1\"}";
		try (Socket socket = RawHttp.open(this.port)) {
			socket.getOutputStream()
				.write(("POST /user HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
						+ body.length() + "\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			for (int i = 0; i < body.length(); i += 10) {
				socket.getOutputStream()
					.write(body.substring(i, Math.min(body.length(), i + 10)).getBytes(StandardCharsets.UTF_8));
				socket.getOutputStream().flush();
				Thread.sleep(50);
			}
			assertThat(RawHttp.readHead(socket.getInputStream())).startsWith("HTTP/1.1 201 ");
		}
	}

	@Test
	void aBodyThatStopsArrivingAnswers408AndTheConnectionCloses() throws Exception {
		try (Socket socket = RawHttp.open(this.port)) {
			socket.getOutputStream()
				.write("POST /user HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user"
					.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			long start = System.nanoTime();
			String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before the timeout")
				.isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100));
			assertThat(answer).startsWith("HTTP/1.1 408 ")
				.containsIgnoringCase("Connection: close")
				.endsWith("{\"error\":\"The request body did not arrive in time\",\"error_code\":\"001\"}");
		}
	}

}
