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
import org.springframework.transaction.TransactionSystemException;
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

	/** Every other failure, database ones included: see {@link #failure(Exception)}. */
	@ExceptionHandler
	ResponseEntity<ErrorBody> handle(Exception ex) {
		return failure(ex);
	}

	/**
	 * The answer to a failure: an {@link ApiException}'s own, 503/012 with
	 * {@code Retry-After} when the database is unavailable, 500/003 for another database
	 * error, else 500/004; for a service's advice that answers some failures itself (a
	 * full disk) and leaves the rest to this one, which Spring would not call for them.
	 */
	public static ResponseEntity<ErrorBody> failure(Exception ex) {
		if (ex instanceof ApiException api) {
			return ErrorResponses.entity(api);
		}
		if (isUnavailable(ex)) {
			log.warn("Database unavailable: {}", ex.getMessage());
			return ErrorResponses.entity(ErrorCode.UNAVAILABLE, "Database unavailable, try again shortly",
					DATABASE_RETRY_AFTER_SECONDS);
		}
		if (ex instanceof DataAccessException) {
			log.error("Database operation failed", ex);
			return ErrorResponses.entity(ErrorCode.DATABASE, ErrorCode.DATABASE.message(), 0);
		}
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

	private static boolean isUnavailable(Exception ex) {
		// RecoverableDataAccessException: a pooled connection that died with the server.
		// TransactionSystemException: a transaction whose connection died (a restart, the
		// socket timeout of a hung server) fails its rollback or commit too, and Spring
		// reports that failure instead of the statement's; the database is what is gone.
		return ex instanceof CannotGetJdbcConnectionException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessException || ex instanceof RecoverableDataAccessException
				|| ex instanceof CannotCreateTransactionException || ex instanceof TransactionSystemException;
	}

}
