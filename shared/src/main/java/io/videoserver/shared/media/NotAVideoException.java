package io.videoserver.shared.media;

/**
 * A file that is not a video the site can transcode; its message is a reason to show the
 * user who uploaded it.
 */
public class NotAVideoException extends Exception {

	private static final long serialVersionUID = 1L;

	public NotAVideoException(String reason) {
		super(reason);
	}

}
