package io.videoserver.stream.mp4;

/**
 * The file's boxes do not form an MP4 that this service can serve; the message says which
 * box is wrong, in words fit for the uploader.
 */
public class InvalidMp4Exception extends RuntimeException {

	private final boolean damaged;

	InvalidMp4Exception(String message) {
		this(message, false);
	}

	private InvalidMp4Exception(String message, boolean damaged) {
		super(message);
		this.damaged = damaged;
	}

	/**
	 * A file that is cut short or whose boxes point outside themselves or the media.
	 */
	static InvalidMp4Exception damaged(String message) {
		return new InvalidMp4Exception(message, true);
	}

	/**
	 * Whether the file is damaged (truncated, or its sizes and offsets point outside it),
	 * so that no other program could read it whole either; otherwise it is only outside
	 * what this parser serves (no {@code ftyp} first, a QuickTime layout, a limit).
	 */
	public boolean damaged() {
		return this.damaged;
	}

}
