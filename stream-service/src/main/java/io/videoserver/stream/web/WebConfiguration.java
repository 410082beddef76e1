package io.videoserver.stream.web;

import io.videoserver.shared.CrossSiteRequestFilter;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.shared.FilterOrder;
import io.videoserver.stream.StreamProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the web UI on api-service's origin play and upload videos (tus headers included)
 * from the browser, and serves the original's upload test page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** CORS as a filter, in its place of {@link StreamFilters}. */
	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(StreamProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.cors().allowedOrigins());
		cors.setAllowCredentials(true);
		cors.addAllowedMethod("GET");
		cors.addAllowedMethod("HEAD");
		cors.addAllowedMethod("PUT");
		cors.addAllowedMethod("POST");
		cors.addAllowedMethod("PATCH");
		cors.addAllowedMethod("DELETE");
		for (String header : new String[] { "X-Session-Id", "X-User-Name", "Content-Type", "Range", "If-Range",
				"If-None-Match", "If-Modified-Since", "X-Request-Id", "Tus-Resumable", "Upload-Length", "Upload-Offset",
				"Upload-Metadata", "Upload-Checksum", "Upload-Defer-Length", "Upload-Concat" }) {
			cors.addAllowedHeader(header);
		}
		for (String header : new String[] { "Content-Range", "Accept-Ranges", "Content-Length", "ETag", "Retry-After",
				"X-Request-Id", "Location", "Tus-Resumable", "Tus-Version", "Tus-Max-Size", "Tus-Extension",
				"Tus-Checksum-Algorithm", "Upload-Offset", "Upload-Length", "Upload-Expires", "Upload-Metadata" }) {
			cors.addExposedHeader(header);
		}
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
		registration.setOrder(StreamFilters.CORS);
		return registration;
	}

	/**
	 * The CSRF check: uploads come only from the web UI's pages (the CORS origins) or
	 * this host's own test page.
	 */
	@Bean
	FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(StreamProperties properties,
			ErrorResponses errors) {
		FilterRegistrationBean<CrossSiteRequestFilter> registration = new FilterRegistrationBean<>(
				new CrossSiteRequestFilter(properties.cors().allowedOrigins(), errors));
		registration.setOrder(FilterOrder.CROSS_SITE);
		return registration;
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/testpage").setViewName("forward:/testpage.html");
	}

}
