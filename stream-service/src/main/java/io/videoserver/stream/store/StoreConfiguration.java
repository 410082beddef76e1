package io.videoserver.stream.store;

import java.net.URI;
import java.nio.file.Path;

import io.videoserver.stream.StreamProperties;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the video store by {@code VIDEO_STORE}: the local directory, or an
 * S3-compatible bucket reached with the AWS SDK's synchronous client.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	VideoStore videoStore(StreamProperties properties) {
		if (properties.store() == StreamProperties.StoreKind.LOCAL) {
			return new LocalVideoStore(properties.dir());
		}
		StreamProperties.S3 s3 = properties.s3();
		if (s3.bucket().isBlank()) {
			throw new IllegalStateException("VIDEO_STORE=s3 needs VIDEO_S3_BUCKET");
		}
		Path staging = s3.stagingDir().isBlank() ? properties.dir() : Path.of(s3.stagingDir());
		return new S3VideoStore(client(s3, properties.stream().maxConnections()), s3.redirect() ? presigner(s3) : null,
				new S3Location(s3.bucket(), s3.prefix()), staging, s3.partSize().toBytes(), s3.redirectTtl());
	}

	/**
	 * One pooled connection per possible stream; checksums only where the API requires
	 * them, as S3-compatible stores (MinIO, Ceph, S3Proxy) do not all accept the SDK's
	 * newer trailing checksums.
	 */
	static S3Client client(StreamProperties.S3 s3, int maxConnections) {
		var builder = S3Client.builder()
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyle())
			.credentialsProvider(credentials(s3))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClient(ApacheHttpClient.builder().maxConnections(maxConnections + 16).build());
		URI endpoint = endpoint(s3);
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	static S3Presigner presigner(StreamProperties.S3 s3) {
		var builder = S3Presigner.builder()
			.region(Region.of(s3.region()))
			.credentialsProvider(credentials(s3))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build());
		URI endpoint = endpoint(s3);
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	/**
	 * Explicit keys when given, else the SDK's chain (AWS_* variables, web identity,
	 * instance role).
	 */
	private static AwsCredentialsProvider credentials(StreamProperties.S3 s3) {
		if (!s3.accessKey().isBlank()) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	private static @Nullable URI endpoint(StreamProperties.S3 s3) {
		return s3.endpoint().isBlank() ? null : URI.create(s3.endpoint());
	}

}
