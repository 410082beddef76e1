package io.videoserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.videoserver.e2e.StreamNode.Owner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slowloris against the stream-service's jar: connections that send half a request and
 * stall, or trickle a body, must neither starve viewers nor keep a connection, a Tomcat
 * thread or a limiter permit beyond the idle timeout.
 */
class StreamSlowClientTests {

	private static final Logger log = LoggerFactory.getLogger(StreamSlowClientTests.class);

	/** Production's idle timeout is 20 s; short here so that the test waits for it. */
	private static final Duration IDLE = Duration.ofSeconds(3);

	/** Well under the idle timeout: a trickle Tomcat's read timeout alone never ends. */
	private static final long TRICKLE_MILLIS = 500;

	private static final int PERMITS = 10;

	/**
	 * Production's settings but for short timeouts, a small limiter and fewer Tomcat
	 * threads than trickling clients, so that a trickle holding a thread would starve the
	 * viewer (it did, before server.tomcat.max-swallow-size: 0).
	 */
	private static final Map<String, String> SETTINGS = Map.of("VIDEO_STREAM_MAX_CONNECTIONS",
			Integer.toString(PERMITS), "VIDEO_STREAM_THREADS", "16", "SERVER_TOMCAT_CONNECTION_TIMEOUT",
			IDLE.toSeconds() + "s", "SERVER_TOMCAT_KEEP_ALIVE_TIMEOUT", IDLE.toSeconds() + "s");

	/**
	 * An upper bound that proves "closed by the timeout", far below production's 20 s.
	 */
	private static final Duration CLOSED_WITHIN = Duration.ofSeconds(15);

	private static byte[] clip;

	@BeforeAll
	static void readClip() throws IOException {
		try (InputStream in = StreamSlowClientTests.class.getResourceAsStream("/clip.mp4")) {
			clip = in.readAllBytes();
		}
	}

	@Test
	void stalledHeadersAndTricklingAnonymousBodiesShouldNotStarveViewersAndShouldBeClosed(@TempDir Path videos)
			throws Exception {
		ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
		List<SlowClient> stalled = new ArrayList<>();
		List<SlowClient> trickling = new ArrayList<>();
		try (StreamNode node = StreamNode.create(videos)) {
			node.start("slowloris", SETTINGS);
			Owner owner = node.seedOwner("viewer");
			String vid = node.seedVideo(owner);
			assertThat(node.put(owner, vid, clip).statusCode()).isEqualTo(201);
			for (int i = 0; i < 25; i++) {
				stalled.add(SlowClient.connect(node.port()).send("GET /videos/" + vid));
				stalled.add(SlowClient.connect(node.port())
					.send("GET /videos/" + vid + " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=0-"));
			}
			for (int i = 0; i < 20; i++) {
				trickling.add(SlowClient.connect(node.port())
					.send(StreamFaultTests.putHead(vid, clip.length, ""))
					.send(Arrays.copyOf(clip, 16)));
			}
			trickler.scheduleWithFixedDelay(() -> trickling.forEach((client) -> client.trickle((byte) 0)),
					TRICKLE_MILLIS, TRICKLE_MILLIS, TimeUnit.MILLISECONDS);
			for (SlowClient client : trickling) {
				// Refused before the body is read;
				// each held a permit for its session look-up.
				assertThat(client.readHead()).matches("(?s)HTTP/1\\.1 (401|429) .*");
			}
			awaitInUse(node, 0);
			long start = System.nanoTime();
			assertPlays(node, vid);
			log.info("Range request answered in {} ms beside 50 stalled and 20 trickling connections",
					millisSince(start));
			Duration slowest = Duration.ZERO;
			for (SlowClient client : stalled) {
				slowest = max(slowest, client.awaitEnd(CLOSED_WITHIN));
			}
			log.info("Stalled request heads closed at most {} ms after their last byte", slowest.toMillis());
			for (SlowClient client : trickling) {
				client.awaitEnd(CLOSED_WITHIN);
			}
			log.info("Trickling anonymous uploads all closed {} ms after the viewer's request", millisSince(start));
			assertThat(node.connectionsInUse()).isZero();
		}
		finally {
			trickler.shutdownNow();
			closeAll(stalled);
			closeAll(trickling);
		}
	}

	@Test
	void stalledUploadsOfTheOwnerShouldHoldPermitsOnlyUntilTheIdleTimeout(@TempDir Path videos) throws Exception {
		ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
		List<SlowClient> uploads = new ArrayList<>();
		try (StreamNode node = StreamNode.create(videos)) {
			node.start("stalled-uploads", SETTINGS);
			Owner owner = node.seedOwner("uploader");
			String played = node.seedVideo(owner);
			assertThat(node.put(owner, played, clip).statusCode()).isEqualTo(201);
			for (int i = 0; i < PERMITS; i++) {
				uploads.add(SlowClient.connect(node.port())
					.send(StreamFaultTests.putHead(node.seedVideo(owner), clip.length, owner.headerLines()))
					.send(Arrays.copyOf(clip, 4096)));
			}
			int[] offset = { 4096 };
			var trickle = trickler.scheduleWithFixedDelay(() -> {
				byte next = clip[offset[0]++];
				uploads.forEach((client) -> client.trickle(next));
			}, TRICKLE_MILLIS, TRICKLE_MILLIS, TimeUnit.MILLISECONDS);
			awaitInUse(node, PERMITS);
			HttpResponse<byte[]> refused = node.get(played, "Range", "bytes=0-1023");
			assertThat(refused.statusCode()).as("every permit held: refused at once").isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			Thread.sleep(2 * IDLE.toMillis());
			assertThat(node.connectionsInUse()).as("Tomcat has no minimum rate: a trickle keeps its permit")
				.isEqualTo(PERMITS);
			trickle.cancel(false);
			Duration slowest = Duration.ZERO;
			for (SlowClient client : uploads) {
				slowest = max(slowest, client.awaitEnd(CLOSED_WITHIN));
			}
			log.info("Stalled uploads ended at most {} ms after their last byte", slowest.toMillis());
			awaitInUse(node, 0);
			assertThat(node.partFiles()).isEmpty();
			assertPlays(node, played);
		}
		finally {
			trickler.shutdownNow();
			closeAll(uploads);
		}
	}

	private static void assertPlays(StreamNode node, String vid) throws IOException, InterruptedException {
		HttpResponse<byte[]> range = node.get(vid, "Range", "bytes=0-1023");
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOf(clip, 1024));
	}

	private static void awaitInUse(StreamNode node, int permits) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + CLOSED_WITHIN.toNanos();
		double inUse;
		while ((inUse = node.connectionsInUse()) != permits) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError(inUse + " permits in use, expected " + permits);
			}
			Thread.sleep(100);
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static void closeAll(List<SlowClient> clients) throws IOException {
		for (SlowClient client : clients) {
			client.close();
		}
	}

}
