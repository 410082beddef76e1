package io.videoserver.stream.store;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import io.videoserver.shared.testfault.FaultProxy;
import io.videoserver.shared.testfault.FaultProxy.Fault;
import io.videoserver.shared.tests3.TestS3;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bucket that is slow, answers 500, resets connections or cuts bodies short (a
 * {@link FaultProxy} in front of the test S3 server), with short S3 timeouts (1 s socket
 * timeout, one retry): playback answers 503/012 with {@code Retry-After} within the bound
 * instead of hanging or answering 500; an upload whose PUT is cut is not recorded and the
 * stored video stays the old one; everything works again once the bucket heals.
 */
class FailingBucketTests extends StreamIntegrationTest {

	/** Two attempts of at most a 1 s socket timeout each, the back-off, and slack. */
	private static final Duration BOUND = Duration.ofSeconds(4);

	private static final FaultProxy bucket = new FaultProxy(TestS3.get().endpoint());

	@DynamicPropertySource
	static void failingBucket(DynamicPropertyRegistry registry) {
		s3BehindProxy(registry, bucket.endpoint());
		registry.add("video.s3.connect-timeout", () -> "1s");
		registry.add("video.s3.socket-timeout", () -> "1s");
		registry.add("video.s3.attempt-timeout", () -> "3s");
		registry.add("video.s3.call-timeout", () -> "3s");
		registry.add("video.s3.max-retries", () -> "1");
	}

	@AfterEach
	void heal() {
		bucket.set(Fault.none());
	}

	@AfterAll
	static void stop() throws Exception {
		bucket.close();
	}

	@Test
	void playbackFailsFastAndUploadsAreRecordedOnlyWhole() throws Exception {
		Owner owner = seedOwner("bucket");
		byte[] stored = mp4(100_000, 1);
		assertThat(send(put(owner.vid(), stored, owner.session(), owner.user()).build()).statusCode()).isEqualTo(201);
		long longest = 0;
		for (Fault fault : new Fault[] { Fault.latency(Duration.ofSeconds(3)), Fault.error500(), Fault.reset() }) {
			bucket.set(fault);
			long started = System.nanoTime();
			HttpResponse<String> played = send(HttpRequest.newBuilder(uri("/videos/" + owner.vid())).build());
			long took = System.nanoTime() - started;
			longest = Math.max(longest, took);
			assertThat(played.statusCode()).as("playback through " + fault.kind()).isEqualTo(503);
			assertThat(played.body()).contains("\"error_code\":\"012\"");
			assertThat(played.headers().firstValue("Retry-After")).isPresent();
			assertThat(Duration.ofNanos(took)).as("answer through " + fault.kind()).isLessThan(BOUND);
		}

		// a body cut short after the HEAD: never a whole-looking answer with missing
		// bytes
		bucket.set(Fault.truncate(4096));
		long started = System.nanoTime();
		HttpResponse<byte[]> cut = this.http.send(HttpRequest.newBuilder(uri("/videos/" + owner.vid())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		longest = Math.max(longest, System.nanoTime() - started);
		assertThat(cut.statusCode()).as("a body cut short by the bucket").isNotEqualTo(200).isGreaterThanOrEqualTo(500);

		byte[] replacement = mp4(200_000, 2);
		for (Fault fault : new Fault[] { Fault.truncate(64 * 1024), Fault.error500(), Fault.reset() }) {
			bucket.set(fault);
			started = System.nanoTime();
			HttpResponse<String> upload = send(put(owner.vid(), replacement, owner.session(), owner.user()).build());
			longest = Math.max(longest, System.nanoTime() - started);
			assertThat(upload.statusCode()).as("upload through " + fault.kind()).isEqualTo(503);
			assertThat(upload.headers().firstValue("Retry-After")).isPresent();
			bucket.set(Fault.none());
			assertThat(recordedSize(owner.vid())).isEqualTo(stored.length);
			assertThat(storedFile(owner.vid())).as("the stored video after a failed upload").isEqualTo(stored);
		}

		bucket.set(Fault.none());
		long healed = System.nanoTime();
		HttpResponse<byte[]> played = this.http.send(HttpRequest.newBuilder(uri("/videos/" + owner.vid())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		long recovered = System.nanoTime() - healed;
		assertThat(played.statusCode()).isEqualTo(200);
		assertThat(played.body()).isEqualTo(stored);
		assertThat(send(put(owner.vid(), replacement, owner.session(), owner.user()).build()).statusCode())
			.isEqualTo(201);
		assertThat(storedFile(owner.vid())).isEqualTo(replacement);
		assertThat(recordedSize(owner.vid())).isEqualTo(replacement.length);
		assertThat(consistency().findings()).as("the consistency check's findings").isEmpty();
		System.out.printf("Failing bucket: longest answer during the faults %d ms, first playback after %d ms%n",
				longest / 1_000_000, recovered / 1_000_000);
	}

	private long recordedSize(String vid) {
		Supplier<Long> size = () -> this.jdbc.sql("SELECT COALESCE(file_size, -1) FROM video_info WHERE id = :vid")
			.param("vid", vid)
			.query(Long.class)
			.single();
		return size.get();
	}

}
