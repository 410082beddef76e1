package io.videoserver.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads a request's body (small JSON here, see {@link BodySizeLimitFilter}) into memory
 * by the Servlet non-blocking read before any handler runs, so that a client sending its
 * body slowly holds a connection but no Tomcat thread, and answers 408/001 and closes the
 * connection when the body has not arrived within {@code timeout}. With a handler reading
 * the body itself, a few hundred clients trickling bodies held every worker thread and
 * nobody else was answered (e2e-tests' {@code ApiSlowClientTests}). The handler gets the
 * buffered body on the async dispatch that follows.
 */
class BodyBufferingFilter implements Filter {

	private static final int CHUNK = 8 * 1024;

	private static final String TOO_LATE = "The request body did not arrive in time";

	private final Duration timeout;

	private final ErrorResponses errors;

	BodyBufferingFilter(Duration timeout, ErrorResponses errors) {
		this.timeout = timeout;
		this.errors = errors;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		if (!hasBody(request) || !request.isAsyncSupported()) {
			chain.doFilter(req, res);
			return;
		}
		BufferedRequest buffered = new BufferedRequest(request);
		AsyncContext async = request.startAsync(buffered, res);
		async.setTimeout(this.timeout.toMillis());
		BodyReader reader = new BodyReader(request.getInputStream(), buffered, async, (HttpServletResponse) res);
		async.addListener(reader);
		reader.input.setReadListener(reader);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
	}

	/**
	 * Collects the bytes as they arrive and dispatches the request once they are all in;
	 * ends it instead when the body is too large or too late.
	 */
	private final class BodyReader implements ReadListener, AsyncListener {

		private final ServletInputStream input;

		private final BufferedRequest buffered;

		private final AsyncContext async;

		private final HttpServletResponse response;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private final byte[] chunk = new byte[CHUNK];

		private final AtomicBoolean finished = new AtomicBoolean();

		BodyReader(ServletInputStream input, BufferedRequest buffered, AsyncContext async,
				HttpServletResponse response) {
			this.input = input;
			this.buffered = buffered;
			this.async = async;
			this.response = response;
		}

		@Override
		public void onDataAvailable() throws IOException {
			try {
				while (this.input.isReady()) {
					int n = this.input.read(this.chunk);
					if (n < 0) {
						return;
					}
					this.body.write(this.chunk, 0, n);
				}
			}
			catch (BodyTooLargeException ex) {
				end(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE, ex.getMessage());
			}
		}

		@Override
		public void onAllDataRead() {
			if (this.finished.compareAndSet(false, true)) {
				this.buffered.setBody(this.body.toByteArray());
				this.async.dispatch();
			}
		}

		/** The read failed; Tomcat goes on to {@link #onError(AsyncEvent)}. */
		@Override
		public void onError(Throwable ex) {
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			end(HttpServletResponse.SC_REQUEST_TIMEOUT, ErrorCode.BAD_REQUEST, TOO_LATE);
		}

		private void end(int status, ErrorCode code, String message) throws IOException {
			if (this.finished.compareAndSet(false, true)) {
				try {
					this.response.setHeader("Connection", "close");
					BodyBufferingFilter.this.errors.write(this.response, status, code, message);
					// committed, so that the container's error
					// handling cannot answer over it
					this.response.flushBuffer();
				}
				finally {
					this.async.complete();
				}
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		/**
		 * The socket timed out (a client that stopped sending altogether) or the client
		 * went away, when the answer goes nowhere; ending the request here keeps the
		 * container from dispatching it to the error page.
		 */
		@Override
		public void onError(AsyncEvent event) throws IOException {
			end(HttpServletResponse.SC_REQUEST_TIMEOUT, ErrorCode.BAD_REQUEST, TOO_LATE);
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
