package io.videoserver.stream.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connector settings that Spring Boot has no property for.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	/**
	 * Answers {@code Expect: 100-continue} only when the body is first read, so that an
	 * upload refused for its session, owner or declared size (curl sends the header for
	 * large bodies) is refused before the client sends a gigabyte.
	 */
	@Bean
	TomcatConnectorCustomizer continueOnRead() {
		return (connector) -> connector.setProperty("continueResponseTiming", "onRead");
	}

}
