package io.videoserver.stream.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connector settings that Spring Boot has no property for.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	static final int SOCKET_WRITE_BUFFER = 64 * 1024;

	/**
	 * Answers {@code Expect: 100-continue} only when the body is first read, so that an
	 * upload refused for its session, owner or declared size (curl sends the header for
	 * large bodies) is refused before the client sends a gigabyte.
	 */
	@Bean
	TomcatConnectorCustomizer continueOnRead() {
		return (connector) -> connector.setProperty("continueResponseTiming", "onRead");
	}

	/**
	 * Video bytes leave through the connection's write buffer: a direct buffer keeps them
	 * off the Java heap, and {@value #SOCKET_WRITE_BUFFER} bytes per write call instead
	 * of Tomcat's 8 KiB cut the system calls per MiB from 128 to 16.
	 */
	@Bean
	TomcatConnectorCustomizer directSocketBuffers() {
		return (connector) -> {
			connector.setProperty("socket.directBuffer", "true");
			connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER));
		};
	}

}
