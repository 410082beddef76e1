package io.videoserver.stream.playback;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serving a published HLS ladder ({@code GET}/{@code HEAD
 * /videos/{vid}/hls/{version}/{file}}) from the local directory here and from S3 in
 * {@link S3LadderIntegrationTests}: media types, immutable caching, ranges, conditions,
 * and names outside the layout.
 */
class LadderIntegrationTests extends StreamIntegrationTest {

	private static final String VID = VideoIds.newId();

	private static final String VERSION = "k3x9a";

	private static final String SECRET = "TOP-SECRET-" + VideoIds.newId();

	private static final byte[] MASTER = """
			#EXTM3U
			#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
			r360.m3u8
			""".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SEGMENT = new byte[200_000];

	private static final byte[] INIT = new byte[900];

	static {
		Random random = new Random(17);
		random.nextBytes(SEGMENT);
		random.nextBytes(INIT);
	}

	@Autowired
	private Transfers transfers;

	@BeforeAll
	static void plantSecrets() throws IOException {
		Files.writeString(VIDEO_DIR.getParent().resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
		Files.writeString(VIDEO_DIR.resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
		Path linked = VIDEO_DIR.resolve(VID + ".hls/linked");
		Files.createDirectories(linked.getParent());
		if (!Files.isSymbolicLink(linked)) {
			Path outside = Files.createTempDirectory("outside");
			Files.writeString(outside.resolve("master.m3u8"), SECRET, StandardCharsets.UTF_8);
			Files.createSymbolicLink(linked, outside);
		}
	}

	@BeforeEach
	void storeLadder() throws IOException {
		if (!isStored(ladderName("master.m3u8"))) {
			storeFile(ladderName("master.m3u8"), MASTER);
			storeFile(ladderName("r360-init.mp4"), INIT);
			storeFile(ladderName("r360-00001.m4s"), SEGMENT);
		}
	}

	@Test
	void masterPlaylistIsAPlaylistCachedForGood() throws Exception {
		HttpResponse<byte[]> response = get("master.m3u8");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(MASTER);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(response.headers().firstValue("ETag"))
			.hasValueSatisfying((etag) -> assertThat(etag).matches("\"[^\"]+\""));
		assertThat(response.headers().firstValue("Last-Modified")).isPresent();
		assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
	}

	@Test
	void initAndMediaSegmentsAreMp4() throws Exception {
		HttpResponse<byte[]> init = get("r360-init.mp4");
		assertThat(init.statusCode()).isEqualTo(200);
		assertThat(init.body()).isEqualTo(INIT);
		assertThat(init.headers().firstValue("Content-Type")).hasValue("video/mp4");
		HttpResponse<byte[]> segment = get("r360-00001.m4s");
		assertThat(segment.statusCode()).isEqualTo(200);
		assertThat(segment.body()).isEqualTo(SEGMENT);
		assertThat(segment.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(segment.headers().firstValue("Content-Length")).hasValue(Integer.toString(SEGMENT.length));
		assertThat(segment.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
	}

	@Test
	void segmentBytesLeaveByTheStoresWay() throws Exception {
		Transfers.Kind way = s3() ? Transfers.Kind.STREAM : Transfers.Kind.ZERO_COPY;
		long before = this.transfers.sent(way);
		assertThat(get("r360-00001.m4s").body()).isEqualTo(SEGMENT);
		assertThat(this.transfers.sent(way)).isEqualTo(before + 1);
	}

	@Test
	void rangesOfASegmentAnswerPartialContent() throws Exception {
		HttpResponse<byte[]> response = get("r360-00001.m4s", "Range", "bytes=1000-1999");
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + SEGMENT.length);
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(SEGMENT, 1000, 2000));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		HttpResponse<byte[]> several = get("r360-00001.m4s", "Range", "bytes=0-9,-10");
		assertThat(several.statusCode()).isEqualTo(206);
		assertThat(new String(several.body(), StandardCharsets.ISO_8859_1))
			.contains("Content-Type: video/mp4\r\nContent-Range: bytes 0-9/" + SEGMENT.length);
		HttpResponse<byte[]> past = get("r360-00001.m4s", "Range", "bytes=200000-");
		assertThat(past.statusCode()).isEqualTo(416);
		assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */" + SEGMENT.length);
		assertThat(past.headers().firstValue("Cache-Control")).isEmpty();
	}

	@Test
	void headAnswersTheHeadersOfGetWithoutBody() throws Exception {
		HttpResponse<byte[]> head = send(request("r360-00001.m4s").method("HEAD", HttpRequest.BodyPublishers.noBody()));
		HttpResponse<byte[]> get = get("r360-00001.m4s");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(SEGMENT.length));
		for (String name : new String[] { "ETag", "Content-Type", "Cache-Control", "Last-Modified" }) {
			assertThat(head.headers().firstValue(name)).as(name).isEqualTo(get.headers().firstValue(name));
		}
	}

	@Test
	void ifNoneMatchAnswersNotModifiedStillCacheable() throws Exception {
		String etag = get("r360-00001.m4s").headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> response = get("r360-00001.m4s", "If-None-Match", etag);
		assertThat(response.statusCode()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("ETag")).hasValue(etag);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(get("r360-00001.m4s", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
		assertThat(get("master.m3u8", "If-None-Match", etag).statusCode()).as("another file's ETag").isEqualTo(200);
	}

	@Test
	void theWebUiMayFetchTheLadderAcrossOrigins() throws Exception {
		HttpResponse<byte[]> response = get("master.m3u8", "Origin", "http://localhost:8000");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8000");
		assertThat(get("master.m3u8", "Origin", "http://evil.example").statusCode()).isEqualTo(403);
	}

	@Test
	void wellFormedNamesWithoutAFileAnswer404() throws Exception {
		for (String path : new String[] { ladder(VERSION, "r720.m3u8"), ladder("other1", "master.m3u8"),
				"/videos/" + VideoIds.newId() + "/hls/" + VERSION + "/master.m3u8", ladder("linked", "master.m3u8") }) {
			HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(path)).GET());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			String body = new String(response.body(), StandardCharsets.UTF_8);
			assertThat(body).as(path).contains("\"error_code\":\"006\"").doesNotContain(SECRET);
			assertThat(response.headers().firstValue("Cache-Control")).as(path).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/videos/PLACEHOLDER/hls/VERSION/other.m3u8", "/videos/PLACEHOLDER/hls/VERSION/r360.M3U8",
			"/videos/PLACEHOLDER/hls/VERSION/r360-1.m4s", "/videos/PLACEHOLDER/hls/VERSION/r36-00001.m4s",
			"/videos/PLACEHOLDER/hls/VERSION/master.m3u8.bak", "/videos/PLACEHOLDER/hls/VERSION/secret.txt",
			"/videos/PLACEHOLDER/hls/VERSION/master.m3u8%00", "/videos/PLACEHOLDER/hls/Upper/master.m3u8",
			"/videos/PLACEHOLDER/hls/LONGVERSION/master.m3u8", "/videos/PLACEHOLDER/hls/v-1/master.m3u8",
			"/videos/PLACEHOLDER/hls/%2e%2e/master.m3u8", "/videos/PLACEHOLDER/hls/VERSION/..%2f..%2fsecret.txt",
			"/videos/PLACEHOLDER/hls/VERSION/%2e%2e%2f%2e%2e%2fsecret.txt",
			"/videos/PLACEHOLDER/hls/VERSION/../../../secret.txt", "/videos/PLACEHOLDER/hls/../../secret.txt",
			"/videos/PLACEHOLDER/hls/VERSION/..;/master.m3u8", "/videos/PLACEHOLDER/hls//master.m3u8",
			"/videos/PLACEHOLDER/hls/VERSION/r360-00001.m4s/x", "/videos/UPPERCASE/hls/VERSION/master.m3u8",
			"/videos/not-a-uuid/hls/VERSION/master.m3u8", "/videos/../hls/VERSION/master.m3u8",
			"/videos/PLACEHOLDER/hls/VERSION/%5c..%5csecret.txt", "/videos/PLACEHOLDER/hls/VERSION/\u00e9.m3u8" })
	void namesOutsideTheLayoutAnswer400AndNeverAFile(String target) throws IOException {
		String request = target.replace("PLACEHOLDER", VID)
			.replace("UPPERCASE", VID.toUpperCase())
			.replace("LONGVERSION", "a".repeat(33))
			.replace("VERSION", VERSION);
		for (String method : new String[] { "GET", "HEAD" }) {
			RawHttp.Response response = RawHttp.exchange(this.port, method, request);
			assertThat(response.status()).as(method + " " + target).isIn(400, 404);
			assertThat(response.text()).doesNotContain(SECRET).doesNotContain("#EXTM3U");
			if (method.equals("GET") && !target.contains("/x")) {
				assertThat(response.status()).as(target).isEqualTo(400);
				assertThat(response.text()).as(target).contains("\"error_code\":\"001\"");
			}
		}
	}

	private static String ladderName(String file) {
		return VID + ".hls/" + VERSION + "/" + file;
	}

	private static String ladder(String version, String file) {
		return "/videos/" + VID + "/hls/" + version + "/" + file;
	}

	private HttpResponse<byte[]> get(String file, String... headers) throws Exception {
		return send(request(file, headers).GET());
	}

	private HttpRequest.Builder request(String file, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(ladder(VERSION, file)));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder builder) throws Exception {
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
