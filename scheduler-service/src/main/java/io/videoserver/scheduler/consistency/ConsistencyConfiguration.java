package io.videoserver.scheduler.consistency;

import io.videoserver.scheduler.SchedulerProperties;
import io.videoserver.shared.consistency.ConsistencyChecker;
import io.videoserver.shared.store.S3Clients;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.StoreKind;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consistency check over the replica's store (the video directory or the bucket) and
 * database, behind its Actuator endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsistencyProperties.class)
class ConsistencyConfiguration {

	@Bean
	ConsistencyChecker consistencyChecker(JdbcClient jdbc, SchedulerProperties properties, S3Settings bucket,
			ConsistencyProperties settings) {
		// the stream-service's staging directory is on its replicas' disks, not here
		return (properties.store() == StoreKind.S3)
				? ConsistencyChecker.ofBucket(jdbc, S3Clients.client(bucket, 2), bucket, null, settings.grace(),
						settings.uploadExpireAfter())
				: ConsistencyChecker.ofDirectory(jdbc, properties.dir(), settings.grace(),
						settings.uploadExpireAfter());
	}

	@Bean
	ConsistencyEndpoint consistencyEndpoint(ConsistencyChecker checker) {
		return new ConsistencyEndpoint(checker);
	}

}
