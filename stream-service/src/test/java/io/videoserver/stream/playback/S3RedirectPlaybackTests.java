package io.videoserver.stream.playback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Random;

import io.videoserver.shared.VideoIds;
import io.videoserver.stream.S3Store;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code VIDEO_S3_REDIRECT=true}: a GET that would send bytes is redirected to a
 * presigned address of the object, where the player's Range is served; HEAD, the
 * conditional answers and the errors stay here.
 */
@S3Store
@TestPropertySource(properties = "video.s3.redirect=true")
class S3RedirectPlaybackTests extends StreamIntegrationTest {

	@Test
	void getIsRedirectedToTheObjectAndTheRangeIsServedThere() throws Exception {
		String vid = VideoIds.newId();
		byte[] content = new byte[100_000];
		new Random(3).nextBytes(content);
		storeFile(vid, content);
		HttpResponse<byte[]> redirect = get(uri("/videos/" + vid), "Range", "bytes=100-199");
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("no-store");
		URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		assertThat(location.getQuery()).contains("X-Amz-Signature=");
		HttpResponse<byte[]> direct = get(location, "Range", "bytes=100-199");
		assertThat(direct.statusCode()).isEqualTo(206);
		assertThat(direct.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));

		HttpResponse<byte[]> head = this.http.send(HttpRequest.newBuilder(uri("/videos/" + vid))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(head.statusCode()).isEqualTo(200);
		String etag = head.headers().firstValue("ETag").orElseThrow();
		assertThat(get(uri("/videos/" + vid), "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(get(uri("/videos/" + vid), "Range", "bytes=200000-").statusCode()).isEqualTo(416);
		assertThat(get(uri("/videos/" + VideoIds.newId())).statusCode()).isEqualTo(404);
	}

	private HttpResponse<byte[]> get(URI target, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(target);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		// The test's client does not follow redirects (HttpClient's default: NEVER).
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
