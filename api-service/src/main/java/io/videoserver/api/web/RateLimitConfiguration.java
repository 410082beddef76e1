package io.videoserver.api.web;

import io.videoserver.api.ApiProperties;
import io.videoserver.shared.ClientRateLimitFilter;
import io.videoserver.shared.ErrorResponses;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The per-client rate limit of the api-service: {@code video.rate-limit} requests per
 * second with a burst of twice that, right after the request log so refusals are logged.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> rateLimitFilter(ApiProperties properties, ErrorResponses errors) {
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientRateLimitFilter(properties.rateLimit(), 2L * properties.rateLimit(), errors));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
