package io.videoserver.stream.tus;

import io.videoserver.shared.ErrorBody;
import io.videoserver.shared.ErrorResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the tus-specific refusals with the legacy error body; every other error of the
 * tus endpoints goes through the shared handler like the rest of the service's.
 */
@RestControllerAdvice(assignableTypes = TusController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TusErrorAdvice {

	@ExceptionHandler
	ResponseEntity<ErrorBody> handle(TusException ex) {
		return ErrorResponses.entity(HttpStatusCode.valueOf(ex.status()), ex.code(), ex.getMessage());
	}

}
