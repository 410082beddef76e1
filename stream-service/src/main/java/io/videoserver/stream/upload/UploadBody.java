package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The body of a form or raw upload, whose size is declared before a byte is read and
 * whose bytes are opened only once the upload is admitted.
 */
interface UploadBody {

	/** The least size the file has, from the headers alone; 0 when unknown. */
	long declaredBytes();

	/**
	 * The file's bytes, read straight from the request.
	 * @throws io.videoserver.shared.ApiException when the body holds no file
	 */
	InputStream open() throws IOException;

	/** A raw body, the file itself ({@code curl -T}). */
	static UploadBody raw(HttpServletRequest request) {
		return new Raw(request);
	}

	/**
	 * The file of a raw body.
	 *
	 * @param request the upload's request
	 */
	record Raw(HttpServletRequest request) implements UploadBody {

		@Override
		public long declaredBytes() {
			return Math.max(0, this.request.getContentLengthLong());
		}

		@Override
		public InputStream open() throws IOException {
			return this.request.getInputStream();
		}

	}

}
