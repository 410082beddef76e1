package io.videoserver.stream.mp4;

/**
 * The file's boxes do not form an MP4 that this service can serve; the message says which
 * box is wrong, in words fit for the uploader.
 */
public class InvalidMp4Exception extends RuntimeException {

	InvalidMp4Exception(String message) {
		super(message);
	}

}
