package io.videoserver.shared;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Installs the legacy error model in every service that has this module on its class
 * path, ahead of Spring Boot's default error controller.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SharedWebAutoConfiguration {

	@Bean
	ErrorBodyHandler errorBodyHandler() {
		return new ErrorBodyHandler();
	}

	@Bean
	ErrorBodyController errorBodyController() {
		return new ErrorBodyController();
	}

	@Bean
	HealthzAliasController healthzAliasController(ObjectProvider<HealthEndpoint> health) {
		return new HealthzAliasController(health);
	}

	@Bean
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> errorBodyReportValve() {
		return factory -> factory
			.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ErrorBodyReportValve()));
	}

	/**
	 * Trusts forwarded headers from {@code video.trusted-proxies} only, none by default.
	 */
	@Bean
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	TrustedProxies trustedProxies(Environment environment) {
		return new TrustedProxies(
				Binder.get(environment).bind("video.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of()));
	}

	@Bean
	FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
		FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
		registration.setOrder(FilterOrder.REQUEST_LOG);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter(ErrorResponses errors) {
		FilterRegistrationBean<CanonicalPathFilter> registration = new FilterRegistrationBean<>(
				new CanonicalPathFilter(errors));
		registration.setOrder(FilterOrder.CANONICAL_PATH);
		return registration;
	}

	@Bean
	RetryingFlywayMigration retryingFlywayMigration() {
		return new RetryingFlywayMigration();
	}

	@Bean
	ErrorResponses errorResponses() {
		return new ErrorResponses();
	}

}
