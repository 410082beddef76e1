package io.videoserver.stream.upload;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;

/**
 * How many bytes an upload may bring, and what a client hears that sends more: the size
 * limit, or what is left of the uploader's storage quota when that is less.
 *
 * @param bytes the most the stored file may have
 * @param refusal the 413/008 message past it
 */
record UploadLimit(long bytes, String refusal) {

	ApiException exceeded() {
		return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, this.refusal);
	}

}
