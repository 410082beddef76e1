package io.videoserver.stream.playback;

import java.lang.reflect.Field;
import java.nio.channels.SocketChannel;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plain TCP socket under a Tomcat NIO HTTP/1.1 request, which the servlet API
 * does not expose, so that {@link ZeroCopy} can send file bytes to it from the request
 * thread; anything else (TLS, HTTP/2, another container) has none and is copied.
 *
 * @param channel the client's socket, non-blocking and registered with Tomcat's poller
 * @param writeTimeoutMillis how long a write may wait for the client (Tomcat's setting)
 * @param coyote Tomcat's request, to close the connection when a transfer fails
 */
record TomcatSocket(SocketChannel channel, long writeTimeoutMillis, Request coyote) {

	private static final Logger log = LoggerFactory.getLogger(TomcatSocket.class);

	private static final Field @Nullable [] FIELDS = fields();

	/**
	 * @return the socket of a plain HTTP/1.1 request on Tomcat's NIO connector, or null
	 */
	static @Nullable TomcatSocket of(ServletRequest request) {
		while (request instanceof ServletRequestWrapper wrapper) {
			request = wrapper.getRequest();
		}
		if (FIELDS == null || !(request instanceof RequestFacade) || request.isSecure()) {
			return null;
		}
		try {
			var catalina = (org.apache.catalina.connector.Request) FIELDS[0].get(request);
			Request coyote = catalina.getCoyoteRequest();
			if (!(FIELDS[1].get(coyote) instanceof Http11Processor processor)) {
				return null;
			}
			SocketWrapperBase<?> wrapper = (SocketWrapperBase<?>) FIELDS[2].get(processor);
			if (wrapper == null || wrapper.getSocket() == null || wrapper.getSocket().getClass() != NioChannel.class) {
				return null; // TLS (SecureNioChannel) or NIO2 / APR
			}
			return new TomcatSocket(((NioChannel) wrapper.getSocket()).getIOChannel(), wrapper.getWriteTimeout(),
					coyote);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			log.debug("No socket for this request: {}", ex.toString());
			return null;
		}
	}

	/**
	 * Makes Tomcat close the connection after a failed transfer: the client has already
	 * been promised more bytes than it got.
	 */
	void closeAfterFailure(Throwable failure) {
		this.coyote.action(ActionCode.CLOSE_NOW, failure);
	}

	/**
	 * Null (so every body is copied) when this Tomcat's internals are not the expected.
	 */
	private static Field @Nullable [] fields() {
		try {
			Field[] fields = { RequestFacade.class.getDeclaredField("request"), Request.class.getDeclaredField("hook"),
					AbstractProcessor.class.getDeclaredField("socketWrapper") };
			for (Field field : fields) {
				field.setAccessible(true);
			}
			return fields;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			log.warn("Video bodies will be copied, not sent with sendfile: {}", ex.toString());
			return null;
		}
	}

}
