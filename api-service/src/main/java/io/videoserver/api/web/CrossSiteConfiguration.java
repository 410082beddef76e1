package io.videoserver.api.web;

import java.util.List;

import io.videoserver.shared.CrossSiteRequestFilter;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.shared.FilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CSRF check of the api-service: its web UI is served from this host, so only pages
 * of this host may change things here with the browser's session cookie.
 */
@Configuration(proxyBeanMethods = false)
class CrossSiteConfiguration {

	@Bean
	FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(ErrorResponses errors) {
		FilterRegistrationBean<CrossSiteRequestFilter> registration = new FilterRegistrationBean<>(
				new CrossSiteRequestFilter(List.of(), errors));
		registration.setOrder(FilterOrder.CROSS_SITE);
		return registration;
	}

}
