package io.videoserver.stream.tus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.upload.UploadQuota;
import io.videoserver.stream.web.StreamFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Puts the protocol check in front of the tus endpoints, after CORS and the limiters, and
 * sweeps expired uploads and the holds of stopped uploads every
 * {@code VIDEO_UPLOAD_SWEEP_INTERVAL} (5 minutes).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TusConfiguration implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(TusConfiguration.class);

	private final TusUploadFiles files;

	private final TusLocks locks;

	private final UploadQuota quota;

	private final Duration sweepInterval;

	TusConfiguration(TusUploadFiles files, TusLocks locks, UploadQuota quota, StreamProperties properties) {
		this.files = files;
		this.locks = locks;
		this.quota = quota;
		this.sweepInterval = properties.upload().sweepInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, this.sweepInterval, Duration.ZERO));
	}

	@Bean
	FilterRegistrationBean<TusProtocolFilter> tusProtocolFilter() {
		FilterRegistrationBean<TusProtocolFilter> registration = new FilterRegistrationBean<>(new TusProtocolFilter());
		registration.addUrlPatterns("/tus/*");
		registration.setOrder(StreamFilters.TUS_PROTOCOL);
		return registration;
	}

	/**
	 * Removes the expired uploads with their reservations, then whatever holds in the
	 * database crashed processes left (writers' leases, reservations of form, raw and tus
	 * uploads), on whichever replica runs it first.
	 */
	private void sweep() {
		try {
			List<String> removed = this.files.removeExpired(Instant.now());
			removed.forEach(this.quota::release);
			int leases = this.locks.removeExpired();
			int reservations = this.quota.removeExpired();
			if (!removed.isEmpty() || leases > 0 || reservations > 0) {
				log.info("Removed {} expired resumable upload(s), {} lease(s) and {} reservation(s) of stopped uploads",
						removed.size(), leases, reservations);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
