package io.videoserver.api.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request as the handler sees it after the {@link BodyBufferingFilter}, reading its
 * body from memory.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

	private volatile byte[] body = new byte[0];

	BufferedRequest(HttpServletRequest request) {
		super(request);
	}

	void setBody(byte[] body) {
		this.body = body;
	}

	@Override
	public ServletInputStream getInputStream() {
		return new BodyStream(new ByteArrayInputStream(this.body));
	}

	@Override
	public BufferedReader getReader() {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private static final class BodyStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BodyStream(ByteArrayInputStream in) {
			this.in = in;
		}

		@Override
		public int read() {
			return this.in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new IllegalStateException("The body has been read already");
		}

	}

}
