package io.videoserver.stream.limit;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.testhttp.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every spelling of a limited route that the router would decode to the same handler
 * (percent-encoded letters, matrix parameters, repeated slashes, dot segments) is refused
 * with 400/001 while the limiter is full, instead of slipping past it as the raw path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.stream.max-connections=1", "video.rate-limit.requests-per-second=0" })
@Import(TestDatabase.class)
class PathSpellingTests {

	private static final String VID = VideoIds.newId();

	private static final String UPLOAD = VideoIds.newId();

	/** Ways to write a path that a lenient router reads as the same path. */
	private static final List<UnaryOperator<String>> SPELLINGS = List.of(
			(path) -> "/%" + hex(path.charAt(1)) + path.substring(2), (path) -> path.replace("o", "%6F"),
			(path) -> path.replace("o", "%6f"),
			(path) -> path.substring(0, path.length() - 1) + "%" + hex(path.charAt(path.length() - 1)),
			(path) -> path.replaceFirst("/([^/]*)/", "/$1;x=1/"), (path) -> path + ";jsessionid=1",
			(path) -> path.replaceFirst("/([^/]*)/", "/$1;/"), (path) -> "/" + path,
			(path) -> path.replaceFirst("/([^/]*)/", "/$1//"), (path) -> "/." + path,
			(path) -> path.replaceFirst("/([^/]*)/", "/$1/./"), (path) -> "/x/.." + path,
			(path) -> path.replaceFirst("/([^/]*)/", "/$1/x/../"), (path) -> "/%2e" + path, (path) -> "/%2E%2E" + path);

	@TempDir
	static Path dir;

	private static Socket held;

	@LocalServerPort
	private int port;

	@Autowired
	private ConnectionLimiter limiter;

	@DynamicPropertySource
	static void videoDir(DynamicPropertyRegistry registry) {
		registry.add("video.dir", () -> dir.toString());
	}

	@BeforeAll
	static void sparseVideo() throws IOException {
		HeldStreams.createVideo(dir, VID);
	}

	@AfterAll
	static void release() throws IOException {
		if (held != null) {
			RawHttp.abort(held);
		}
	}

	@Test
	void everyOtherSpellingOfALimitedRouteIsRefusedWhileTheLimiterIsFull() throws Exception {
		fillLimiter();
		List<String[]> routes = List.of(new String[] { "GET", "/videos/" + VID },
				new String[] { "PUT", "/videos/" + VID }, new String[] { "POST", "/upload/" + VID },
				new String[] { "POST", "/tus/videos/" + VID }, new String[] { "PATCH", "/tus/uploads/" + UPLOAD });
		List<String> wrong = new ArrayList<>();
		for (String[] route : routes) {
			assertThat(send(route[0], route[1]).status()).as("%s %s", route[0], route[1]).isEqualTo(429);
			for (UnaryOperator<String> spelling : SPELLINGS) {
				String target = spelling.apply(route[1]);
				RawHttp.Response answer = send(route[0], target);
				if (answer.status() != 400 || !answer.text().endsWith("\"error_code\":\"001\"}")) {
					wrong.add(route[0] + " " + target + " -> " + answer.status());
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(this.limiter.inUse()).isEqualTo(1);
	}

	@Test
	void otherRoutesAreRefusedInTheirOtherSpellingsToo() throws Exception {
		for (String[] route : List.of(new String[] { "HEAD", "/videos/" + VID },
				new String[] { "OPTIONS", "/tus/videos/" + VID }, new String[] { "HEAD", "/tus/uploads/" + UPLOAD },
				new String[] { "DELETE", "/tus/uploads/" + UPLOAD })) {
			for (UnaryOperator<String> spelling : SPELLINGS) {
				String target = spelling.apply(route[1]);
				assertThat(send(route[0], target).status()).as("%s %s", route[0], target).isEqualTo(400);
			}
		}
	}

	@Test
	void canonicalPathsWithEncodedReservedCharactersOrATrailingSlashStillReachTheRouter() throws Exception {
		assertThat(send("HEAD", "/videos/" + VID).status()).isEqualTo(200);
		assertThat(send("HEAD", "/videos/" + VID + "/").status()).isEqualTo(404);
		assertThat(send("HEAD", "/videos/" + VID + "?a=%61;b=//./..").status()).isEqualTo(200);
	}

	private void fillLimiter() throws IOException {
		if (held == null) {
			held = HeldStreams.hold(this.port, VID);
		}
		assertThat(this.limiter.inUse()).isEqualTo(1);
	}

	private RawHttp.Response send(String method, String target) throws IOException {
		return RawHttp.exchange(this.port, method, target, "Tus-Resumable: 1.0.0\r\n", "");
	}

	private static String hex(char c) {
		return Integer.toHexString(c).toUpperCase();
	}

}
