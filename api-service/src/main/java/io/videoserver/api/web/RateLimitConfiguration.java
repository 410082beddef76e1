package io.videoserver.api.web;

import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ClientRateLimitFilter;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.shared.FilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-client rate limit of the api-service, set by {@code video.rate-limit} as the
 * stream-service's is, in its place of {@link ApiFilters}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> rateLimitFilter(ApiProperties properties, ErrorResponses errors) {
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientRateLimitFilter(properties.rateLimit().requestsPerSecond(), properties.rateLimit().capacity(),
						errors));
		registration.setOrder(FilterOrder.RATE_LIMIT);
		return registration;
	}

}
