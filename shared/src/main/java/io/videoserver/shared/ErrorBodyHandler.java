package io.videoserver.shared;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Gives every error, ours and Spring's (bad JSON, 404, 405, 415, too large), the
 * original's body, and keeps SQL, stack traces and driver text away from clients.
 */
@RestControllerAdvice
public class ErrorBodyHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ErrorBodyHandler.class);

	private static final long DATABASE_RETRY_AFTER_SECONDS = 5;

	@ExceptionHandler
	ResponseEntity<ErrorBody> handle(ApiException ex) {
		return ErrorResponses.entity(ex);
	}

	@ExceptionHandler
	ResponseEntity<ErrorBody> handle(DataAccessException ex) {
		if (isUnavailable(ex)) {
			log.warn("Database unavailable: {}", ex.getMessage());
			return ErrorResponses.entity(ErrorCode.UNAVAILABLE, "Database unavailable, try again shortly",
					DATABASE_RETRY_AFTER_SECONDS);
		}
		log.error("Database operation failed", ex);
		return ErrorResponses.entity(ErrorCode.DATABASE, ErrorCode.DATABASE.message(), 0);
	}

	@ExceptionHandler
	ResponseEntity<ErrorBody> handle(CannotCreateTransactionException ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		return ErrorResponses.entity(ErrorCode.UNAVAILABLE, "Database unavailable, try again shortly",
				DATABASE_RETRY_AFTER_SECONDS);
	}

	@ExceptionHandler
	ResponseEntity<ErrorBody> handle(Exception ex) {
		log.error("Unexpected failure", ex);
		return ErrorResponses.entity(ErrorCode.INTERNAL, ErrorCode.INTERNAL.message(), 0);
	}

	// Spring-raised errors (bad JSON, 404, 405, 415, 413) get the same legacy body
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ErrorCode code = ErrorCode.forStatus(status);
		return widen(ErrorResponses.entity(status, headers, code, messageFor(status, code)));
	}

	@Override // the first violated constraint's own message tells the client what to fix
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationError(ex.getAllErrors());
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationError(ex.getAllErrors());
	}

	private static ResponseEntity<Object> validationError(List<? extends MessageSourceResolvable> errors) {
		String message = errors.stream()
			.map(MessageSourceResolvable::getDefaultMessage)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(ErrorCode.BAD_REQUEST.message());
		return widen(ErrorResponses.entity(ErrorCode.BAD_REQUEST, message, 0));
	}

	private static ResponseEntity<Object> widen(ResponseEntity<ErrorBody> response) {
		return new ResponseEntity<>(response.getBody(), response.getHeaders(), response.getStatusCode());
	}

	static String messageFor(HttpStatusCode status, ErrorCode code) {
		HttpStatus known = HttpStatus.resolve(status.value());
		if (code.status().value() != status.value() && known != null) {
			return known.getReasonPhrase();
		}
		return code.message();
	}

	private static boolean isUnavailable(DataAccessException ex) {
		// RecoverableDataAccessException: a pooled connection that died with the server
		return ex instanceof CannotGetJdbcConnectionException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessException || ex instanceof RecoverableDataAccessException;
	}

}
