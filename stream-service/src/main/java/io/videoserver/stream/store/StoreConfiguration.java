package io.videoserver.stream.store;

import java.nio.file.Path;

import io.videoserver.shared.store.S3Clients;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.StoreKind;
import io.videoserver.stream.StreamProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the video store by {@code VIDEO_STORE}: the local directory, or an
 * S3-compatible bucket reached with the AWS SDK's synchronous client.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Settings.class)
class StoreConfiguration {

	/**
	 * The client's pool beyond one connection per stream or upload the limiter admits.
	 */
	private static final int SPARE_CONNECTIONS = 16;

	@Bean
	VideoStore videoStore(StreamProperties properties, S3Settings bucket) {
		if (properties.store() == StoreKind.LOCAL) {
			return new LocalVideoStore(properties.dir());
		}
		StreamProperties.S3 s3 = properties.s3();
		Path staging = s3.stagingDir().isBlank() ? properties.dir() : Path.of(s3.stagingDir());
		return new S3VideoStore(S3Clients.client(bucket, properties.stream().maxConnections() + SPARE_CONNECTIONS),
				s3.redirect() ? S3Clients.presigner(bucket) : null, new S3Location(bucket.bucket(), bucket.prefix()),
				staging, s3.partSize().toBytes(), s3.redirectTtl());
	}

}
