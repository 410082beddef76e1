package io.videoserver.stream.limit;

import io.videoserver.shared.ClientRateLimitFilter;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.stream.StreamProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the rate limit and then the connection limiter in front of every request, right
 * after CORS, so that a refused request costs almost nothing.
 */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

	static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	static final int CONNECTION_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> rateLimitFilter(StreamProperties properties, ErrorResponses errors) {
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientRateLimitFilter(properties.rateLimit().requestsPerSecond(), properties.rateLimit().burst(),
						errors));
		registration.setOrder(RATE_LIMIT_ORDER);
		registration.setEnabled(properties.rateLimit().enabled());
		return registration;
	}

	@Bean
	FilterRegistrationBean<ConnectionLimitFilter> connectionLimitFilter(ConnectionLimiter limiter,
			ErrorResponses errors) {
		FilterRegistrationBean<ConnectionLimitFilter> registration = new FilterRegistrationBean<>(
				new ConnectionLimitFilter(limiter, errors));
		registration.setOrder(CONNECTION_LIMIT_ORDER);
		return registration;
	}

}
