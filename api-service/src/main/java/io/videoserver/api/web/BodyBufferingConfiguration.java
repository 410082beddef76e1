package io.videoserver.api.web;

import java.time.Duration;

import io.videoserver.shared.ErrorResponses;
import jakarta.servlet.DispatcherType;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link BodyBufferingFilter} on Tomcat's context behind every filter that
 * Spring registers, right in front of the dispatcher servlet: the filters before it
 * (request log, canonical path, CSRF, rate and size limits, security headers) run once,
 * on the request's first dispatch, and refuse what they refuse before a body byte is
 * read. Registered on the container itself rather than as a Spring filter bean, so that
 * MockMvc, whose mock requests cannot read without blocking, runs without it. The whole
 * body must arrive within {@code server.tomcat.connection-timeout}.
 */
@Configuration(proxyBeanMethods = false)
class BodyBufferingConfiguration {

	private static final String NAME = "bodyBufferingFilter";

	@Bean
	TomcatContextCustomizer bodyBufferingFilter(TomcatServerProperties tomcat, ErrorResponses errors) {
		Duration timeout = (tomcat.getConnectionTimeout() != null) ? tomcat.getConnectionTimeout()
				: Duration.ofSeconds(10);
		return (context) -> {
			FilterDef definition = new FilterDef();
			definition.setFilterName(NAME);
			definition.setFilterClass(BodyBufferingFilter.class.getName());
			definition.setFilter(new BodyBufferingFilter(timeout, errors));
			definition.setAsyncSupported("true");
			context.addFilterDef(definition);
			// appended after Spring's filters, which Boot
			// inserts before the declared ones
			FilterMap mapping = new FilterMap();
			mapping.setFilterName(NAME);
			mapping.addURLPattern("/*");
			mapping.setDispatcher(DispatcherType.REQUEST.name());
			context.addFilterMap(mapping);
		};
	}

}
