package io.videoserver.stream.playback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testhttp.RawHttp;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that try to read outside the video directory (or to name another object of the
 * bucket): none may answer a file. For S3 in {@link S3PathTraversalTests}.
 */
class PathTraversalTests extends StreamIntegrationTest {

	private static final String SECRET = "TOP-SECRET-" + VideoIds.newId();

	private static final String VID = VideoIds.newId();

	@BeforeAll
	static void plantSecrets() throws IOException {
		Path parent = VIDEO_DIR.getParent();
		Files.writeString(parent.resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
		Files.writeString(VIDEO_DIR.resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
		Files.writeString(VIDEO_DIR.resolve(VID + ".abc.part"), SECRET, StandardCharsets.UTF_8);
		if (!Files.isSymbolicLink(VIDEO_DIR.resolve(VID))) {
			Files.createSymbolicLink(VIDEO_DIR.resolve(VID), parent.resolve("secret.txt"));
		}
	}

	/** The same names in the store under test (a no-op twice over for the local one). */
	@BeforeEach
	void plantSecretsInTheStore() throws IOException {
		byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
		for (String name : new String[] { "secret.txt", VID + ".abc.part" }) {
			if (!isStored(name)) {
				storeFile(name, secret);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/videos/../secret.txt", "/videos/..%2fsecret.txt", "/videos/%2e%2e%2fsecret.txt",
			"/videos/%2e%2e/secret.txt", "/videos/%2E%2E%2Fsecret.txt", "/videos/..%5csecret.txt",
			"/videos/%252e%252e%252fsecret.txt", "/videos/..;/secret.txt", "/videos/secret.txt",
			"/videos/%2Ftmp%2Fsecret.txt", "/videos//etc/passwd", "/videos/%2fetc%2fpasswd", "/videos/..", "/videos/.",
			"/videos/%00", "/videos/secret.txt%00", "/videos/secret.txt%00.mp4", "/videos/PLACEHOLDER%00",
			"/videos/PLACEHOLDER.abc.part", "/videos/PLACEHOLDER", "/videos/PLACEHOLDER%2f..%2f..%2fsecret.txt",
			"/videos/PLACEHOLDER/../../secret.txt", "/videos/%EF%BC%8E%EF%BC%8E%EF%BC%8Fsecret.txt",
			"/videos/%C0%AE%C0%AE%C0%AFsecret.txt", "/videos/%E2%80%AEtxt.terces", "/videos/\u00e9t\u00e9",
			"/videos/UPPERCASE", "/videos/file:%2F%2F%2Fetc%2Fpasswd", "/videos/~", "/videos/LONG" })
	void traversalNeverAnswersAFile(String target) throws IOException {
		String request = target.replace("PLACEHOLDER", VID)
			.replace("UPPERCASE", VID.toUpperCase())
			.replace("LONG", "a".repeat(4000));
		for (String method : new String[] { "GET", "HEAD" }) {
			RawHttp.Response response = RawHttp.exchange(this.port, method, request);
			assertThat(response.status()).as(method + " " + target).isIn(400, 404);
			assertThat(response.text()).doesNotContain(SECRET);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/videos/../secret.txt", "/videos/%2e%2e%2fsecret.txt", "/videos/secret.txt%00" })
	void traversalCannotWriteEither(String target) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.port, "PUT", target);
		assertThat(response.status()).isIn(400, 401, 404);
		assertThat(Files.readString(VIDEO_DIR.getParent().resolve("secret.txt"))).isEqualTo(SECRET);
	}

}
