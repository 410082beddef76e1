package io.videoserver.api.web;

import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ClientRateLimitFilter;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.shared.FilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-client rate limit of the api-service: {@code video.rate-limit} requests per
 * second with a burst of twice that, in its place of {@link ApiFilters}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> rateLimitFilter(ApiProperties properties, ErrorResponses errors) {
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientRateLimitFilter(properties.rateLimit(), 2L * properties.rateLimit(), errors));
		registration.setOrder(FilterOrder.RATE_LIMIT);
		return registration;
	}

}
