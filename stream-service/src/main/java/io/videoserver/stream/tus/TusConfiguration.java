package io.videoserver.stream.tus;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Puts the protocol check in front of the tus endpoints, after CORS and the limiters, and
 * removes expired uploads and the leases of writers that died every few minutes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TusConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TusConfiguration.class);

	private final TusStore store;

	private final TusLocks locks;

	TusConfiguration(TusStore store, TusLocks locks) {
		this.store = store;
		this.locks = locks;
	}

	@Bean
	FilterRegistrationBean<TusProtocolFilter> tusProtocolFilter() {
		FilterRegistrationBean<TusProtocolFilter> registration = new FilterRegistrationBean<>(new TusProtocolFilter());
		registration.addUrlPatterns("/tus/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
		return registration;
	}

	@Scheduled(initialDelay = 0, fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
	void removeExpiredUploads() throws IOException {
		int removed = this.store.removeExpired(Instant.now());
		if (removed > 0) {
			log.info("Removed {} expired resumable upload(s)", removed);
		}
		int leases = this.locks.removeExpired();
		if (leases > 0) {
			log.info("Removed {} expired upload lease(s) of writers that stopped", leases);
		}
	}

}
