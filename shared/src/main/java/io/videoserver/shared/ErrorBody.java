package io.videoserver.shared;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The original site's error body: exactly {@code error} and {@code error_code}.
 *
 * @param error a human readable message
 * @param errorCode the original's three-digit code
 */
public record ErrorBody(String error, @JsonProperty("error_code") String errorCode) {

	public static ErrorBody of(ErrorCode code, String message) {
		return new ErrorBody(message, code.value());
	}

}
