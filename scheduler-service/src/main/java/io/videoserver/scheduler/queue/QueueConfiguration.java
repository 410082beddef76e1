package io.videoserver.scheduler.queue;

import io.videoserver.shared.deletion.DeletionRequests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives the queue endpoint the deletion queue's one entry point, the statement the
 * api-service runs when it deletes a video.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

	@Bean
	DeletionRequests deletionRequests(JdbcClient jdbc) {
		return new DeletionRequests(jdbc);
	}

}
