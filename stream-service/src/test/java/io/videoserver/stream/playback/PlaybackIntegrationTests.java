package io.videoserver.stream.playback;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import io.videoserver.shared.VideoIds;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playback contract (RFC 9110 ranges and conditions), for the local store here and
 * for S3 in {@link S3PlaybackIntegrationTests}.
 */
class PlaybackIntegrationTests extends StreamIntegrationTest {

	private static final int SIZE = 300_000;

	static final String VID = VideoIds.newId();

	static final byte[] content = new byte[SIZE];

	static {
		new Random(42).nextBytes(content);
	}

	@BeforeEach
	void storeVideo() throws IOException {
		if (!isStored(VID)) {
			storeFile(VID, content);
		}
	}

	@Test
	void getWithoutRangeAnswersTheWholeFileWithValidators() throws Exception {
		HttpResponse<byte[]> response = get(VID);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(content);
		assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(SIZE));
		assertThat(response.headers().firstValue("ETag"))
			.hasValueSatisfying((etag) -> assertThat(etag).matches("\"[^\"]+\""));
		assertThat(response.headers().firstValue("Last-Modified")).isPresent();
	}

	@Test
	void headAnswersTheSameHeadersWithoutBody() throws Exception {
		HttpResponse<byte[]> response = send(
				request(VID, "Range", "bytes=0-9").method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(SIZE));
		assertThat(response.headers().firstValue("ETag")).isEqualTo(get(VID).headers().firstValue("ETag"));
	}

	@Test
	void closedRangeAnswersPartialContent() throws Exception {
		HttpResponse<byte[]> response = get(VID, "Range", "bytes=100-199");
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + SIZE);
		assertThat(response.headers().firstValue("Content-Length")).hasValue("100");
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
	}

	@Test
	void openAndSuffixRangesAnswerTheTail() throws Exception {
		HttpResponse<byte[]> open = get(VID, "Range", "bytes=299000-");
		assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 299000-299999/" + SIZE);
		assertThat(open.body()).isEqualTo(Arrays.copyOfRange(content, 299_000, SIZE));
		HttpResponse<byte[]> suffix = get(VID, "Range", "bytes=-1000");
		assertThat(suffix.statusCode()).isEqualTo(206);
		assertThat(suffix.body()).isEqualTo(open.body());
	}

	@Test
	void rangePastTheEndIsClipped() throws Exception {
		HttpResponse<byte[]> response = get(VID, "Range", "bytes=299990-999999999");
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 299990-299999/" + SIZE);
		assertThat(response.body()).hasSize(10);
	}

	@Test
	void severalRangesAnswerMultipartByteranges() throws Exception {
		HttpResponse<byte[]> response = get(VID, "Range", "bytes=0-4,1000-1009");
		assertThat(response.statusCode()).isEqualTo(206);
		String type = response.headers().firstValue("Content-Type").orElseThrow();
		assertThat(type).startsWith("multipart/byteranges; boundary=");
		String boundary = type.substring(type.indexOf('=') + 1);
		assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(response.body().length));
		String body = new String(response.body(), StandardCharsets.ISO_8859_1);
		assertThat(body).startsWith("--" + boundary + "\r\nContent-Type: video/mp4\r\nContent-Range: bytes 0-4/" + SIZE
				+ "\r\n\r\n" + new String(content, 0, 5, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "\r\n");
		assertThat(body).contains("Content-Range: bytes 1000-1009/" + SIZE + "\r\n\r\n"
				+ new String(content, 1000, 10, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "--\r\n");
		assertThat(body).endsWith("--" + boundary + "--\r\n");
	}

	@Test
	void unsatisfiableRangeAnswers416WithTheSize() throws Exception {
		HttpResponse<byte[]> response = get(VID, "Range", "bytes=300000-");
		assertThat(response.statusCode()).isEqualTo(416);
		assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */" + SIZE);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"error_code\":\"011\"");
	}

	@Test
	void overlappingOrTooManyRangesAnswer416() throws Exception {
		assertThat(get(VID, "Range", "bytes=0-100,50-150").statusCode()).isEqualTo(416);
		assertThat(get(VID, "Range", "bytes=" + "0-0,".repeat(40) + "1-1").statusCode()).isEqualTo(416);
	}

	@Test
	void malformedRangeIsIgnored() throws Exception {
		HttpResponse<byte[]> response = get(VID, "Range", "bytes=oops");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).hasSize(SIZE);
	}

	@Test
	void ifRangeWithTheCurrentEtagKeepsTheRangeAndAnOldOneSendsEverything() throws Exception {
		String etag = get(VID).headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> current = send(request(VID, "Range", "bytes=0-9").header("If-Range", etag).GET());
		assertThat(current.statusCode()).isEqualTo(206);
		HttpResponse<byte[]> old = send(request(VID, "Range", "bytes=0-9").header("If-Range", "\"stale\"").GET());
		assertThat(old.statusCode()).isEqualTo(200);
		assertThat(old.body()).hasSize(SIZE);
	}

	@Test
	void ifNoneMatchAnswersNotModified() throws Exception {
		String etag = get(VID).headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> response = get(VID, "If-None-Match", etag);
		assertThat(response.statusCode()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("ETag")).hasValue(etag);
	}

	@Test
	void ifModifiedSinceAnswersNotModifiedUntilTheFileChanges() throws Exception {
		String lastModified = get(VID).headers().firstValue("Last-Modified").orElseThrow();
		assertThat(get(VID, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
		assertThat(get(VID, "If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").statusCode()).isEqualTo(200);
	}

	@Test
	void validIdWithoutFileAnswers404ErrorBody() throws Exception {
		HttpResponse<byte[]> response = get(VideoIds.newId());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"error_code\":\"006\"");
	}

	@Test
	void invalidIdAnswers400ErrorBody() throws Exception {
		HttpResponse<byte[]> response = get("not-a-uuid");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"error_code\":\"001\"");
	}

	private HttpResponse<byte[]> get(String vid, String... headers) throws Exception {
		HttpRequest.Builder builder = request(vid);
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder.GET());
	}

	private HttpRequest.Builder request(String vid, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/videos/" + vid));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder builder) throws Exception {
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
