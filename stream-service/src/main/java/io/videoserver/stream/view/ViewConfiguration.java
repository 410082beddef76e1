package io.videoserver.stream.view;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.stream.StreamProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The view counter on the service's connection pool ({@code VIDEO_VIEW_*}).
 */
@Configuration(proxyBeanMethods = false)
class ViewConfiguration {

	@Bean
	ViewCounter viewCounter(DataSource dataSource, StreamProperties properties, MeterRegistry registry) {
		return assemble(dataSource, properties.view(), registry, Clock.systemUTC());
	}

	/**
	 * A counter as the application builds one; tests build several replicas' this way.
	 */
	static ViewCounter assemble(DataSource dataSource, StreamProperties.View settings, MeterRegistry registry,
			Clock clock) {
		return new ViewCounter(new ViewRepository(dataSource), settings, registry, clock);
	}

}
