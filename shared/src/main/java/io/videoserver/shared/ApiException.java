package io.videoserver.shared;

/**
 * A failure that the client must see with one of the original's error codes.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final long retryAfterSeconds;

	public ApiException(ErrorCode code, String message, long retryAfterSeconds) {
		super(message, null, false, false);
		this.code = code;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public ApiException(ErrorCode code, String message) {
		this(code, message, ErrorResponses.DEFAULT_RETRY_AFTER_SECONDS);
	}

	public ApiException(ErrorCode code) {
		this(code, code.message());
	}

	public ErrorCode code() {
		return this.code;
	}

	/**
	 * How long a client should wait before trying again; used for 429 and 503 only.
	 * @return seconds, at least 1
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
