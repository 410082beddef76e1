package io.videoserver.stream.upload;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;

/**
 * The client stopped sending (disconnect, timeout, malformed multipart): a client
 * failure, answered 400/001 to whoever is still listening and never logged as a fault.
 */
class UploadInterruptedException extends ApiException {

	UploadInterruptedException() {
		super(ErrorCode.BAD_REQUEST, "The upload was interrupted");
	}

}
