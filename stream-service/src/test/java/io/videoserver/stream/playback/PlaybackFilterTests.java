package io.videoserver.stream.playback;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers that {@link PlaybackFilter} writes itself (everything but the bytes) are
 * those the controller gave: status, headers, legacy body and the request metric's uri.
 */
class PlaybackFilterTests extends StreamIntegrationTest {

	@Test
	void shortAnswersKeepTheirStatusHeadersAndErrorBody() throws Exception {
		String vid = VideoIds.newId();
		Files.write(VIDEO_DIR.resolve(vid), new byte[1000]);

		String failed = exchange(vid, "If-Match: \"other\"");
		assertThat(failed).startsWith("HTTP/1.1 412")
			.contains("ETag: \"", "Accept-Ranges: bytes", "Content-Type: application/json")
			.endsWith("{\"error\":\"Precondition failed\",\"error_code\":\"001\"}");

		String unsatisfiable = exchange(vid, "Range: bytes=5000-");
		assertThat(unsatisfiable).startsWith("HTTP/1.1 416")
			.contains("Content-Range: bytes */1000")
			.endsWith("\"error_code\":\"011\"}");

		String etag = failed.replaceAll("(?s).*\r\nETag: (\"[^\"]+\")\r\n.*", "$1");
		String notModified = exchange(vid, "If-None-Match: " + etag);
		assertThat(notModified).startsWith("HTTP/1.1 304").endsWith("\r\n\r\n");
	}

	@Test
	void missingAndMalformedIdsAnswerErrorBodies() throws Exception {
		assertThat(exchange(VideoIds.newId(), "X-Any: 1")).startsWith("HTTP/1.1 404")
			.endsWith("\"error_code\":\"006\"}");
		assertThat(exchange(VideoIds.newId().toUpperCase(Locale.ROOT), "X-Any: 1")).startsWith("HTTP/1.1 400")
			.contains("\"error_code\":\"001\"}");
	}

	@Test
	void playbackRequestsAreMeasuredUnderTheirPattern() throws Exception {
		String vid = VideoIds.newId();
		Files.write(VIDEO_DIR.resolve(vid), new byte[10]);
		assertThat(exchange(vid, "X-Any: 1")).startsWith("HTTP/1.1 200");
		assertThat(RawHttp.exchange(this.managementPort, "GET", "/actuator/prometheus").text())
			.containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/videos/\\{vid\\}\"[^}]*\\} \\d+");
	}

	private String exchange(String vid, String header) throws Exception {
		try (Socket socket = RawHttp.open(this.port)) {
			socket.getOutputStream()
				.write(("GET /videos/" + vid + " HTTP/1.1\r\nHost: x\r\n" + header + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
