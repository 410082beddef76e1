package io.videoserver.api.web;

import java.io.IOException;

/**
 * Raised while reading a chunked body that grows past the limit; an {@link IOException}
 * so that message converters pass it on as the cause of an unreadable body.
 */
class BodyTooLargeException extends IOException {

	BodyTooLargeException() {
		super("Request body is larger than 64 KiB", null);
	}

}
