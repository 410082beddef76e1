package io.videoserver.shared.store;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.videoserver.shared.tests3.TestS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The video bucket's settings and clients as both services get them, against the test S3
 * server: path-style addressing, explicit keys, presigned addresses.
 */
class S3ClientsTests {

	private final TestS3 s3 = TestS3.get();

	private final String bucket = this.s3.createBucket();

	@Test
	void clientReachesTheBucketWithTheSettingsKeys() {
		try (S3Client client = S3Clients.client(settings(this.bucket), 2)) {
			client.putObject((request) -> request.bucket(this.bucket).key("v"), RequestBody.fromString("video"));
			assertThat(client.headObject((request) -> request.bucket(this.bucket).key("v")).contentLength())
				.isEqualTo(5);
		}
	}

	@Test
	void withoutABucketNoClientIsBuilt() {
		assertThatIllegalStateException().isThrownBy(() -> S3Clients.client(settings(" "), 2))
			.withMessage("VIDEO_STORE=s3 needs VIDEO_S3_BUCKET");
	}

	@Test
	void presignedAddressFetchesTheObjectByPath() throws Exception {
		try (S3Client client = S3Clients.client(settings(this.bucket), 2);
				S3Presigner presigner = S3Clients.presigner(settings(this.bucket))) {
			client.putObject((request) -> request.bucket(this.bucket).key("v"), RequestBody.fromString("video"));
			URI address = presigner
				.presignGetObject((presign) -> presign.signatureDuration(Duration.ofMinutes(1))
					.getObjectRequest((get) -> get.bucket(this.bucket).key("v")))
				.url()
				.toURI();
			assertThat(address.toString()).startsWith(this.s3.endpoint() + "/" + this.bucket + "/v?");
			assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString())
				.body()).isEqualTo("video");
		}
	}

	@Test
	void settingsDefaultToAwsWithTheSdksOwnCredentials() {
		S3Settings defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("video.s3",
				S3Settings.class);
		assertThat(defaults).isEqualTo(new S3Settings("", "us-east-1", "", "", false, "", ""));
	}

	@Test
	void settingsBindTheirRelaxedNames() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("video.s3.bucket", "videos",
				"video.s3.path-style", "true", "video.s3.access-key", "a", "video.s3.prefix", "p/")));
		S3Settings settings = binder.bindOrCreate("video.s3", S3Settings.class);
		assertThat(settings.bucket()).isEqualTo("videos");
		assertThat(settings.pathStyle()).isTrue();
		assertThat(settings.accessKey()).isEqualTo("a");
		assertThat(settings.prefix()).isEqualTo("p/");
	}

	private S3Settings settings(String bucket) {
		return new S3Settings(this.s3.endpoint().toString(), TestS3.REGION, bucket, "", true, TestS3.ACCESS_KEY,
				TestS3.SECRET_KEY);
	}

}
