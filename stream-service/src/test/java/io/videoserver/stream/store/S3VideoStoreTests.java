package io.videoserver.stream.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.S3Clients;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.tests3.TestS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The S3 store's own promises against the test S3 server: multipart publishing that
 * either completes or leaves the old version and no parts behind, reads of exactly the
 * opened version, idempotent deletes and presigned addresses.
 */
class S3VideoStoreTests {

	private static final int MB = 1024 * 1024;

	@TempDir
	Path staging;

	private final TestS3 s3 = TestS3.get();

	private final String bucket = this.s3.createBucket();

	private final String vid = VideoIds.newId();

	private S3VideoStore store;

	@BeforeEach
	void openStore() {
		this.store = store(DataSize.ofMegabytes(5));
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void largeFileIsPublishedInPartsAndReadByRange() throws IOException {
		byte[] content = random(11 * MB, 1);
		Path file = staged(content);
		this.store.publish(new VideoId(this.vid), file);
		assertThat(file).doesNotExist();
		try (VideoSource source = this.store.open(new VideoId(this.vid))) {
			assertThat(source.size()).isEqualTo(content.length);
			assertThat(source.etag()).matches("\"[^\"]+\"");
			assertThat(source.channel()).isNull();
			try (InputStream range = source.openRange(5 * MB - 10, 20)) {
				assertThat(range.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 5 * MB - 10, 5 * MB + 10));
			}
		}
		assertThat(unfinishedUploads()).isZero();
	}

	@Test
	void failedMultipartUploadIsAbortedAndKeepsTheOldVersion() throws IOException {
		byte[] old = random(1000, 2);
		this.store.publish(new VideoId(this.vid), staged(old));
		this.store.close();
		// parts under S3's 5 MB minimum: refused
		this.store = store(DataSize.ofMegabytes(1));
		Path file = staged(random(3 * MB, 3));
		assertThatIOException().isThrownBy(() -> this.store.publish(new VideoId(this.vid), file));
		assertThat(file).doesNotExist();
		assertThat(unfinishedUploads()).isZero();
		try (VideoSource source = this.store.open(new VideoId(this.vid));
				InputStream all = source.openRange(0, old.length)) {
			assertThat(all.readAllBytes()).isEqualTo(old);
		}
	}

	@Test
	void versionReplacedAfterOpeningIsNotMixedWithTheNewOne() throws IOException {
		this.store.publish(new VideoId(this.vid), staged(random(1000, 4)));
		try (VideoSource opened = this.store.open(new VideoId(this.vid))) {
			this.store.publish(new VideoId(this.vid), staged(random(1000, 5)));
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> opened.openRange(0, 10))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
		}
	}

	@Test
	void missingVideoIsNotFoundAndDeletingItTwiceIsFine() throws IOException {
		this.store.publish(new VideoId(this.vid), staged(random(1000, 6)));
		this.store.delete(new VideoId(this.vid));
		this.store.delete(new VideoId(this.vid));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.store.open(new VideoId(this.vid)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
	}

	@Test
	void presignedAddressServesRangesWithoutCredentials() throws Exception {
		byte[] content = random(100_000, 7);
		this.store.publish(new VideoId(this.vid), staged(content));
		HttpRequest request = HttpRequest.newBuilder(this.store.directUri(new VideoId(this.vid)).orElseThrow())
			.header("Range", "bytes=10-19")
			.build();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(content, 10, 20));
	}

	private S3VideoStore store(DataSize partSize) {
		S3Settings settings = new S3Settings(this.s3.endpoint().toString(), TestS3.REGION, this.bucket, "", true,
				TestS3.ACCESS_KEY, TestS3.SECRET_KEY);
		return new S3VideoStore(S3Clients.client(settings, 20), S3Clients.presigner(settings),
				new S3Location(this.bucket, ""), this.staging, partSize.toBytes(), Duration.ofMinutes(1));
	}

	private Path staged(byte[] content) throws IOException {
		return Files.write(Files.createTempFile(this.staging, this.vid, ".part"), content);
	}

	private long unfinishedUploads() {
		try (S3Client client = this.s3.client()) {
			return client.listMultipartUploads((request) -> request.bucket(this.bucket)).uploads().size();
		}
	}

	private static byte[] random(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

}
