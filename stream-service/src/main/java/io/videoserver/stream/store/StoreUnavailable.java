package io.videoserver.stream.store;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket that is down, slow or failing, as playback answers it: 503/012 with
 * {@code Retry-After} once the SDK's bounded attempts are spent (see
 * {@link io.videoserver.shared.store.S3Settings}), instead of a 500 that a player takes
 * for a broken video.
 */
final class StoreUnavailable {

	private static final Logger log = LoggerFactory.getLogger(StoreUnavailable.class);

	static final long RETRY_AFTER_SECONDS = 5;

	private StoreUnavailable() {
	}

	/**
	 * Whether the failure is the bucket's or the way to it (a 5xx, throttling, a timeout,
	 * a reset connection), not a refusal of the request itself.
	 */
	static boolean isUnavailable(SdkException ex) {
		if (ex instanceof S3Exception answered) {
			return answered.statusCode() >= 500 || answered.statusCode() == 429;
		}
		return true;
	}

	static ApiException of(String what, SdkException ex) {
		log.warn("{} failed, the bucket is unavailable: {}", what, ex.toString());
		return new ApiException(ErrorCode.UNAVAILABLE, "The video store is unavailable, try again shortly",
				RETRY_AFTER_SECONDS);
	}

}
