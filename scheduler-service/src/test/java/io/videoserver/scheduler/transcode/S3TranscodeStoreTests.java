package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.videoserver.scheduler.transcode.TranscodeStore.StagedVideo;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.tests3.TestS3;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MP4 a job made replaces {@code {vid}} in the bucket only while {@code {vid}} is the
 * upload the job read: a re-upload that lands between the job's check and its PUT (made
 * to happen there by an interceptor on the job's client) is kept, not overwritten.
 */
class S3TranscodeStoreTests {

	@TempDir
	Path work;

	private final TestS3 s3 = TestS3.get();

	private final String bucket = this.s3.createBucket();

	private final VideoId vid = VideoId.parse(java.util.UUID.randomUUID().toString());

	private final S3Client plain = this.s3.client();

	/** What another writer puts at {@code {vid}} just before the job's PUT leaves. */
	private volatile byte @Nullable [] reupload;

	private final AtomicBoolean raced = new AtomicBoolean();

	private S3TranscodeStore store;

	@BeforeEach
	void store() {
		S3Client racing = this.s3.client((config) -> config.addExecutionInterceptor(new ExecutionInterceptor() {
			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				byte[] bytes = S3TranscodeStoreTests.this.reupload;
				if (context.request() instanceof PutObjectRequest put
						&& put.key().equals(VideoLayout.video(S3TranscodeStoreTests.this.vid)) && bytes != null
						&& S3TranscodeStoreTests.this.raced.compareAndSet(false, true)) {
					put(bytes);
				}
			}
		}));
		this.store = new S3TranscodeStore(racing, this.bucket, "");
	}

	@AfterEach
	void close() {
		this.store.close();
		this.plain.close();
	}

	@Test
	void replacesTheUploadItWasMadeFrom() throws IOException {
		put(bytes("the upload"));
		StagedVideo staged = this.store.stageVideo(this.vid, mp4(), this.store.version(this.vid, Source.VIDEO));

		assertThat(staged.publish()).isTrue();
		assertThat(stored()).isEqualTo("the MP4");
	}

	@Test
	void keepsAReuploadThatLandsJustBeforeItsPut() throws IOException {
		put(bytes("the upload"));
		publishWithAReuploadJustBeforeThePut();
	}

	@Test
	void keepsAnUploadThatAppearsJustBeforeItsPutWhereThereWasNone() throws IOException {
		publishWithAReuploadJustBeforeThePut();
	}

	private void publishWithAReuploadJustBeforeThePut() throws IOException {
		StagedVideo staged = this.store.stageVideo(this.vid, mp4(), this.store.version(this.vid, Source.VIDEO));
		this.reupload = bytes("a newer upload");

		assertThat(staged.publish()).as("published over a newer upload").isFalse();
		assertThat(this.raced).isTrue();
		assertThat(stored()).isEqualTo("a newer upload");
	}

	@Test
	void aStoreWithoutConditionalWritesGetsTheMp4Unconditionally() throws IOException {
		List<String> puts = new CopyOnWriteArrayList<>();
		S3Client refusing = this.s3.client((config) -> config.addExecutionInterceptor(new ExecutionInterceptor() {
			@Override
			public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
					ExecutionAttributes attributes) {
				if (context.request() instanceof PutObjectRequest put) {
					boolean conditional = put.ifMatch() != null || put.ifNoneMatch() != null;
					puts.add(conditional ? "conditional" : "unconditional");
					if (conditional) { // as a store that does not implement the headers
						return context.httpResponse().toBuilder().statusCode(501).build();
					}
				}
				return context.httpResponse();
			}
		}));
		put(bytes("the upload"));
		try (S3TranscodeStore store = new S3TranscodeStore(refusing, this.bucket, "")) {
			StagedVideo staged = store.stageVideo(this.vid, mp4(), store.version(this.vid, Source.VIDEO));

			assertThat(staged.publish()).isTrue();
		}
		assertThat(puts).containsExactly("conditional", "unconditional");
		assertThat(stored()).isEqualTo("the MP4");
	}

	private Path mp4() throws IOException {
		return Files.write(this.work.resolve("made.mp4"), bytes("the MP4"));
	}

	private void put(byte[] bytes) {
		this.plain.putObject((request) -> request.bucket(this.bucket).key(VideoLayout.video(this.vid)),
				RequestBody.fromBytes(bytes));
	}

	private String stored() {
		return this.plain.getObjectAsBytes((request) -> request.bucket(this.bucket).key(VideoLayout.video(this.vid)))
			.asString(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
