package io.videoserver.stream.limit;

import io.videoserver.shared.ClientRateLimitFilter;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.shared.FilterOrder;
import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.web.StreamFilters;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the rate limit and then the connection limiter in front of every request, right
 * after CORS, so that a refused request costs almost nothing.
 */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> rateLimitFilter(StreamProperties properties, ErrorResponses errors) {
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientRateLimitFilter(properties.rateLimit().requestsPerSecond(), properties.rateLimit().burst(),
						errors));
		registration.setOrder(FilterOrder.RATE_LIMIT);
		registration.setEnabled(properties.rateLimit().enabled());
		return registration;
	}

	@Bean
	FilterRegistrationBean<ConnectionLimitFilter> connectionLimitFilter(ConnectionLimiter limiter,
			ErrorResponses errors) {
		FilterRegistrationBean<ConnectionLimitFilter> registration = new FilterRegistrationBean<>(
				new ConnectionLimitFilter(limiter, errors));
		registration.setOrder(StreamFilters.CONNECTION_LIMIT);
		return registration;
	}

}
