package io.videoserver.stream.upload;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import io.videoserver.shared.tests3.TestS3;
import io.videoserver.stream.SlowBucketProxy;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads to an S3 bucket that is slow or failing (a proxy in front of the test S3
 * server): a publication that takes its time holds no lock and no transaction, so the
 * same user meanwhile deletes the video and completes another upload (the service's
 * connections wait at most a second for a row lock here); a failing bucket leaves a
 * resumable upload resumable.
 */
class SlowBucketUploadTests extends StreamIntegrationTest {

	private static final SlowBucketProxy bucket = new SlowBucketProxy(TestS3.get().endpoint());

	private String user;

	private long userId;

	private String session;

	@DynamicPropertySource
	static void slowBucket(DynamicPropertyRegistry registry) {
		s3BehindProxy(registry, bucket.endpoint());
		registry.add("video.s3.part-size", () -> "5MB");
		registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET SESSION innodb_lock_wait_timeout = 1");
	}

	@BeforeEach
	void seed() {
		this.user = uniqueName("slow");
		this.userId = createUser(this.user);
		this.session = createSession(this.user, false);
	}

	@AfterEach
	void healBucket() {
		bucket.fail(false);
		bucket.release();
	}

	@Test
	void theUserDeletesTheVideoAndCompletesAnotherUploadWhileAPublicationIsSlow() throws Exception {
		String slow = createVideo(this.userId);
		String other = createVideo(this.userId);
		bucket.holdNextRequest();
		CompletableFuture<HttpResponse<String>> publishing = this.http.sendAsync(
				put(slow, mp4(300_000, 1), this.session, this.user).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(bucket.awaitHeld()).isTrue();

		byte[] otherVideo = mp4(100_000, 2);
		assertThat(send(put(other, otherVideo, this.session, this.user).build()).statusCode()).isEqualTo(201);
		assertThat(storedFile(other)).isEqualTo(otherVideo);
		// what api-service's DELETE /user/{name}/videos/{vid} does
		assertThat(this.jdbc.sql("SELECT author_id FROM video_info WHERE id = :id FOR UPDATE")
			.param("id", slow)
			.query(Long.class)
			.single()).isEqualTo(this.userId);
		this.jdbc.sql("DELETE FROM video_info WHERE id = :id").param("id", slow).update();

		bucket.release();
		HttpResponse<String> refused = publishing.get();
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("\"error_code\":\"006\"");
		assertThat(isStored(slow)).isFalse();
		assertThat(reservations()).isZero();
		assertThat(consistency().findings()).as("the consistency check's findings").isEmpty();
	}

	@Test
	void aFailingBucketLeavesAResumableUploadResumable() throws Exception {
		String vid = createVideo(this.userId);
		byte[] video = mp4(60_000, 3);
		HttpResponse<String> created = send(tus(HttpRequest.newBuilder(uri("/tus/videos/" + vid)))
			.header("Upload-Length", Long.toString(video.length))
			.POST(BodyPublishers.noBody())
			.build());
		String location = created.headers().firstValue("Location").orElseThrow();
		bucket.fail(true);
		HttpResponse<String> failed = send(patch(location, 0, video));
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.body()).contains("\"error_code\":\"012\"");
		assertThat(isStored(vid)).isFalse();
		HttpResponse<String> head = send(
				tus(HttpRequest.newBuilder(URI.create(location))).method("HEAD", BodyPublishers.noBody()).build());
		assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Long.toString(video.length - 1));
		bucket.fail(false);
		assertThat(send(patch(location, video.length - 1, Arrays.copyOfRange(video, video.length - 1, video.length)))
			.statusCode()).isEqualTo(204);
		assertThat(storedFile(vid)).isEqualTo(video);
		assertThat(consistency().findings()).as("the consistency check's findings").isEmpty();
	}

	private long reservations() {
		return this.jdbc.sql("SELECT COUNT(*) FROM upload_reservation WHERE user_id = :id")
			.param("id", this.userId)
			.query(Long.class)
			.single();
	}

	private HttpRequest patch(String location, long offset, byte[] chunk) {
		return tus(HttpRequest.newBuilder(URI.create(location)))
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", Long.toString(offset))
			.method("PATCH", BodyPublishers.ofByteArray(chunk))
			.build();
	}

	private HttpRequest.Builder tus(HttpRequest.Builder request) {
		return request.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", this.session)
			.header("X-User-Name", this.user);
	}

}
