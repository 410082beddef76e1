package io.videoserver.stream.tus;

import io.videoserver.shared.ErrorCode;

/**
 * A refusal with a status of the tus protocol that the original's codes have no status
 * for (412, 423, 460), answered with the legacy body and the closest code.
 */
class TusException extends RuntimeException {

	static final int PRECONDITION_FAILED = 412;

	static final int LOCKED = 423;

	static final int CHECKSUM_MISMATCH = 460;

	private final int status;

	private final ErrorCode code;

	TusException(int status, ErrorCode code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	int status() {
		return this.status;
	}

	ErrorCode code() {
		return this.code;
	}

}
