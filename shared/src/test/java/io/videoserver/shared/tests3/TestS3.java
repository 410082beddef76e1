package io.videoserver.shared.tests3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3Proxy per test JVM on a free loopback port, storing objects in a temporary
 * directory through jclouds' file-system backend, so the S3 store is tested against a
 * real S3 API (signatures, ranged GETs, multipart uploads) rather than a mock.
 */
public final class TestS3 {

	public static final String ACCESS_KEY = "test-access";

	public static final String SECRET_KEY = "test-secret-key";

	public static final String REGION = "us-east-1";

	private static @Nullable TestS3 instance;

	private final S3Proxy proxy;

	private final Path dir;

	private TestS3(S3Proxy proxy, Path dir) {
		this.proxy = proxy;
		this.dir = dir;
	}

	/** The server, started on first use and stopped with the JVM. */
	public static synchronized TestS3 get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static TestS3 start() {
		try {
			Path dir = Files.createTempDirectory("s3proxy");
			Properties overrides = new Properties();
			overrides.setProperty("jclouds.filesystem.basedir", dir.toString());
			BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
				.credentials("identity", "credential")
				.overrides(overrides)
				.build(BlobStoreContext.class);
			S3Proxy proxy = S3Proxy.builder()
				.blobStore(context.getBlobStore())
				.endpoint(URI.create("http://127.0.0.1:0"))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
				.build();
			proxy.start();
			while (!"STARTED".equals(proxy.getState())) {
				Thread.sleep(10);
			}
			TestS3 server = new TestS3(proxy, dir);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not start", ex);
		}
	}

	private void stop() {
		try {
			this.proxy.stop();
		}
		catch (Exception ex) {
			// the JVM is ending anyway
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.proxy.getPort());
	}

	/** Where the file-system backend keeps the buckets (one directory each). */
	public Path dir() {
		return this.dir;
	}

	/** A new empty bucket with a unique name. */
	public String createBucket() {
		String bucket = "videos-" + UUID.randomUUID().toString().substring(0, 8);
		try (S3Client client = client()) {
			client.createBucket((request) -> request.bucket(bucket));
		}
		return bucket;
	}

	/** A client for assertions on what the store left in a bucket; close it after use. */
	public S3Client client() {
		return client((config) -> {
		});
	}

	/**
	 * A client with more client configuration, e.g. an interceptor that does something in
	 * the middle of a call, as another writer would.
	 */
	public S3Client client(Consumer<ClientOverrideConfiguration.Builder> configuration) {
		return S3Client.builder()
			.overrideConfiguration(configuration)
			.endpointOverride(endpoint())
			.region(Region.of(REGION))
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.httpClient(ApacheHttpClient.create())
			.build();
	}

	/** The environment variables of API.md that point a service at a bucket here. */
	public Map<String, String> environment(String bucket) {
		return Map.of("VIDEO_STORE", "s3", "VIDEO_S3_ENDPOINT", endpoint().toString(), "VIDEO_S3_REGION", REGION,
				"VIDEO_S3_BUCKET", bucket, "VIDEO_S3_PATH_STYLE", "true", "AWS_ACCESS_KEY_ID", ACCESS_KEY,
				"AWS_SECRET_ACCESS_KEY", SECRET_KEY);
	}

}
