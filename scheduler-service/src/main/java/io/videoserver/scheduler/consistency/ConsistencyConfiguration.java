package io.videoserver.scheduler.consistency;

import java.time.Clock;

import io.videoserver.scheduler.SchedulerProperties;
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
		StoreListing store = (properties.store() == StoreKind.S3)
				? new S3StoreListing(S3Clients.client(bucket, 2), bucket.bucket(), bucket.prefix())
				: new LocalStoreListing(properties.dir());
		return new ConsistencyChecker(jdbc, store, settings.grace(), settings.uploadExpireAfter(), Clock.systemUTC());
	}

	@Bean
	ConsistencyEndpoint consistencyEndpoint(ConsistencyChecker checker) {
		return new ConsistencyEndpoint(checker);
	}

}
