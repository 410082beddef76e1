package io.videoserver.stream.playback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional sendfile path answers the same bytes and headers as the default one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.stream.sendfile=true", "video.rate-limit.requests-per-second=0" })
@Import(TestDatabase.class)
class SendfilePlaybackTests {

	@TempDir
	static Path dir;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void videoDir(DynamicPropertyRegistry registry) {
		registry.add("video.dir", () -> dir.toString());
	}

	@Test
	void rangesAndWholeFilesGoThroughSendfileUnchanged() throws Exception {
		byte[] content = new byte[3 * 1024 * 1024];
		new Random(7).nextBytes(content);
		String vid = VideoIds.newId();
		Files.write(dir.resolve(vid), content);
		HttpClient http = HttpClient.newHttpClient();
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/videos/" + vid);

		HttpResponse<byte[]> range = http.send(
				HttpRequest.newBuilder(uri).header("Range", "bytes=100000-1148575").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100000-1148575/" + content.length);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 100_000, 1_148_576));

		HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(content);
	}

}
