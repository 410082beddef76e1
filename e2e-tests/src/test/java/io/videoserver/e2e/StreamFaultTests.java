package io.videoserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.videoserver.e2e.StreamNode.Owner;
import io.videoserver.launcher.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream-service's jar in a child JVM, crashed and stopped in the middle of uploads
 * and streams: what an operator's kill -9 or rolling update does to the files and to the
 * viewers. No browser needed.
 */
class StreamFaultTests {

	private static final Logger log = LoggerFactory.getLogger(StreamFaultTests.class);

	/** Short, so that the test waits for it; production keeps Spring's 30 s. */
	private static final int GRACE_SECONDS = 10;

	private static final int BIG_FILE = 32 * 1024 * 1024;

	private static byte[] clip;

	@BeforeAll
	static void readClip() throws IOException {
		try (InputStream in = StreamFaultTests.class.getResourceAsStream("/clip.mp4")) {
			clip = in.readAllBytes();
		}
	}

	@Test
	void killMidUploadShouldKeepTheOldVersionAndLeaveNoPartFileAfterRestart(@TempDir Path videos) throws Exception {
		try (StreamNode node = StreamNode.create(videos)) {
			ServiceProcess stream = node.start("kill", Map.of());
			Owner owner = node.seedOwner("crash");
			String vid = node.seedVideo(owner);
			assertThat(node.put(owner, vid, clip).statusCode()).isEqualTo(201);
			byte[] next = withFreeBox(clip, 16 * 1024);
			try (SlowClient upload = SlowClient.connect(node.port())) {
				upload.send(putHead(vid, next.length, owner.headerLines())).send(Arrays.copyOf(next, next.length / 2));
				awaitPartFile(node);
				stream.kill();
			}
			assertThat(node.partFiles()).as("nothing cleans up after SIGKILL").isNotEmpty();
			assertThat(node.file(vid)).hasBinaryContent(clip);
			node.start("kill", Map.of("VIDEO_UPLOAD_STALE_AFTER", "1s"));
			assertThat(node.partFiles()).as("removed by the start-up cleanup").isEmpty();
			HttpResponse<byte[]> played = node.get(vid);
			assertThat(played.statusCode()).isEqualTo(200);
			assertThat(played.body()).isEqualTo(clip);
		}
	}

	@Test
	void sigtermShouldFinishLiveStreamsAndEndStalledOnesCleanlyWithinTheGracePeriod(@TempDir Path videos)
			throws Exception {
		try (StreamNode node = StreamNode.create(videos)) {
			ServiceProcess stream = node.start("sigterm",
					Map.of("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", GRACE_SECONDS + "s"));
			Owner owner = node.seedOwner("rolling");
			String small = node.seedVideo(owner);
			assertThat(node.put(owner, small, clip).statusCode()).isEqualTo(201);
			String big = node.seedVideo(owner);
			Files.write(node.file(big), pattern(BIG_FILE));
			try (SlowClient reading = startDownload(node, big);
					SlowClient paused = startDownload(node, big);
					SlowClient upload = SlowClient.connect(node.port())) {
				upload.send(putHead(small, clip.length, owner.headerLines()))
					.send(Arrays.copyOf(clip, clip.length / 2));
				awaitPartFile(node);
				assertThat(node.connectionsInUse()).as("both streams and the upload in flight").isEqualTo(3.0);
				CompletableFuture<Duration> exit = CompletableFuture.supplyAsync(() -> terminate(stream));
				reading.awaitEnd(Duration.ofSeconds(GRACE_SECONDS + 20));
				assertThat(bodyLength(reading)).as("the stream that kept reading got every byte").isEqualTo(BIG_FILE);
				Duration shutdown = exit.join();
				log.info("SIGTERM to exit: {} ms (grace {} s)", shutdown.toMillis(), GRACE_SECONDS);
				paused.awaitEnd(Duration.ofSeconds(5));
				assertThat(bodyLength(paused)).as("the paused stream is cut, not left hanging").isLessThan(BIG_FILE);
				upload.awaitEnd(Duration.ofSeconds(5));
			}
			assertThat(node.partFiles()).as("the cut upload removed its .part file").isEmpty();
			assertThat(node.file(small)).hasBinaryContent(clip);
		}
	}

	private static SlowClient startDownload(StreamNode node, String vid) throws IOException {
		SlowClient client = SlowClient.connect(node.port());
		client.send("GET /videos/" + vid + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(client.readHead()).startsWith("HTTP/1.1 200");
		client.read(4096);
		return client;
	}

	/**
	 * Asks the JVM to stop (SIGTERM), as an orchestrator does, and measures how long it
	 * takes to exit; a JVM that outlasts the grace period by far hangs, and is killed.
	 */
	private static Duration terminate(ServiceProcess stream) {
		Duration limit = Duration.ofSeconds(GRACE_SECONDS + 30);
		try {
			long start = System.nanoTime();
			stream.requestStop();
			if (!stream.awaitExit(limit)) {
				stream.kill();
				throw new IllegalStateException("The stream-service did not exit within " + limit + " of SIGTERM");
			}
			return Duration.ofNanos(System.nanoTime() - start);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int bodyLength(SlowClient client) {
		String text = client.received();
		return text.length() - (text.indexOf("\r\n\r\n") + 4);
	}

	static String putHead(String vid, long length, String headerLines) {
		return "PUT /videos/" + vid + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: video/mp4\r\nContent-Length: "
				+ length + "\r\n" + headerLines + "\r\n";
	}

	static void awaitPartFile(StreamNode node) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (node.partFiles().isEmpty()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("The upload never reached the disk");
			}
			Thread.sleep(50);
		}
	}

	/** The MP4 with a {@code free} box appended: still a valid MP4, other bytes. */
	private static byte[] withFreeBox(byte[] mp4, int size) {
		ByteBuffer out = ByteBuffer.allocate(mp4.length + size);
		out.put(mp4).putInt(size).put(new byte[] { 'f', 'r', 'e', 'e' });
		return out.array();
	}

	private static byte[] pattern(int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (i % 251);
		}
		return bytes;
	}

}
