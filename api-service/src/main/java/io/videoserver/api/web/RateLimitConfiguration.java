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
 * second with a burst of twice that. The filters run in this order: the request log and
 * the canonical path check (shared), the CSRF check, this limit, the body size limit.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/**
	 * Between the CSRF check ({@code HIGHEST_PRECEDENCE + 2}) and the body limit (+10).
	 */
	static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> rateLimitFilter(ApiProperties properties, ErrorResponses errors) {
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientRateLimitFilter(properties.rateLimit(), 2L * properties.rateLimit(), errors));
		registration.setOrder(RATE_LIMIT_ORDER);
		return registration;
	}

}
