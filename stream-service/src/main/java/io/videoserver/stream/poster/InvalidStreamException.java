package io.videoserver.stream.poster;

import java.io.IOException;

/** An H.264 stream that the decoder must not be given. */
class InvalidStreamException extends IOException {

	InvalidStreamException(String message) {
		super(message);
	}

}
