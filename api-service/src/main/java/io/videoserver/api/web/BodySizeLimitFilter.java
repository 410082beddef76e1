package io.videoserver.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies: the api-service only takes small JSON documents, so a body over
 * the limit answers 413/008 instead of being read into memory, whether it announces its
 * length or arrives chunked.
 */
@Component
@Order(ApiFilters.BODY_SIZE_LIMIT)
class BodySizeLimitFilter extends OncePerRequestFilter {

	static final long MAX_BODY_BYTES = 64 * 1024;

	private final ErrorResponses errors;

	BodySizeLimitFilter(ErrorResponses errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			this.errors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than 64 KiB", 0);
			return;
		}
		chain.doFilter(new LimitedRequest(request), response);
	}

	/**
	 * A request whose body stream fails once more than the limit has been read.
	 */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			return new LimitedStream(super.getInputStream());
		}

	}

	/**
	 * Counts the bytes read and stops at the limit.
	 */
	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private long read;

		LimitedStream(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			count((b < 0) ? 0 : 1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > MAX_BODY_BYTES) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
