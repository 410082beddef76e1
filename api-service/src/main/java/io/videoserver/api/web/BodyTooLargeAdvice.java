package io.videoserver.api.web;

import io.videoserver.shared.ErrorBody;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Tells a chunked body that grew past the limit (413/008) apart from a body that is
 * merely malformed (400/001): both reach Spring as an unreadable body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyTooLargeAdvice {

	@ExceptionHandler
	ResponseEntity<ErrorBody> handle(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return ErrorResponses.entity(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), 0);
			}
		}
		return ErrorResponses.entity(ErrorCode.BAD_REQUEST, ErrorCode.BAD_REQUEST.message(), 0);
	}

}
