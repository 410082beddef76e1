package io.videoserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.videoserver.e2e.StreamNode.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's curl sequence for a resumable upload, run as written (by bash and curl)
 * against the stream-service's jar: curl interoperates with the tus endpoints, and the
 * README stays true.
 */
class TusCurlTests {

	private static final Pattern BLOCK = Pattern.compile("### Resumable uploads \\(tus\\) with curl.*?```sh\\n(.*?)```",
			Pattern.DOTALL);

	private static final int SIZE = 3 * 1024 * 1024;

	@Test
	void theReadmesCurlSequenceUploadsInTwoPartsAndPublishesTheVideo(@TempDir Path videos, @TempDir Path work)
			throws Exception {
		Path file = paddedClip(work.resolve("cats.mp4"));
		try (StreamNode node = StreamNode.create(videos)) {
			node.start("tus-curl", Map.of("VIDEO_UPLOAD_MAX_SIZE", "10MB"));
			Owner alice = node.seedOwner("alice");
			String vid = node.seedVideo(alice);
			String script = "SID=" + alice.sessionId() + "\nVID=" + vid + "\n"
					+ "AUTH=(-H \"X-Session-Id: $SID\" -H \"X-User-Name: alice\")\n"
					+ readmeSequence().replace("localhost:9000", "127.0.0.1:" + node.port());

			String output = bash(script, work);

			assertThat(output).contains("Tus-Version: 1.0.0", "Tus-Max-Size: " + 10 * 1024 * 1024)
				.contains("HTTP/1.1 204")
				.contains("Upload-Offset: " + SIZE);
			assertThat(node.file(vid)).hasSameBinaryContentAs(file);
		}
	}

	private static String readmeSequence() throws IOException {
		Path root = Path.of(System.getProperty("e2e.root", ".."));
		Matcher block = BLOCK.matcher(Files.readString(root.resolve("README.md")));
		assertThat(block.find()).as("the README's tus curl block").isTrue();
		return block.group(1);
	}

	private static String bash(String script, Path dir) throws IOException, InterruptedException {
		Process bash = new ProcessBuilder("bash", "-eu", "-o", "pipefail", "-c", script).directory(dir.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(bash.exitValue()).as(output).isZero();
		return output;
	}

	/** The test clip and a {@code free} box of random bytes: an MP4 of {@link #SIZE}. */
	private static Path paddedClip(Path file) throws IOException {
		byte[] clip;
		try (InputStream in = TusCurlTests.class.getResourceAsStream("/clip.mp4")) {
			clip = in.readAllBytes();
		}
		byte[] padding = new byte[SIZE - clip.length - 8];
		new Random(3).nextBytes(padding);
		return Files.write(file,
				ByteBuffer.allocate(SIZE)
					.put(clip)
					.putInt(SIZE - clip.length)
					.put(new byte[] { 'f', 'r', 'e', 'e' })
					.put(padding)
					.array());
	}

}
