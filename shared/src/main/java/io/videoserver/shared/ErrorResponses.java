package io.videoserver.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one writer of the legacy error body and its headers: a {@link ResponseEntity} for
 * controllers and advice, straight to the servlet response for filters that answer before
 * Spring MVC does, and bare JSON for Tomcat's valve, which has no Spring context.
 */
public class ErrorResponses {

	static final long DEFAULT_RETRY_AFTER_SECONDS = 1;

	// the body has two string fields, so no setting of the services' mappers changes it
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The error with its code's own status, and {@code Retry-After} for 429, 503 and 507.
	 * @param code the error code
	 * @param message the message for the client
	 * @param retryAfterSeconds the wait for 429, 503 and 507
	 * @return the response
	 */
	public static ResponseEntity<ErrorBody> entity(ErrorCode code, String message, long retryAfterSeconds) {
		HttpHeaders headers = new HttpHeaders();
		if (needsRetryAfter(code)) {
			headers.set(HttpHeaders.RETRY_AFTER, retryAfter(retryAfterSeconds));
		}
		return entity(code.status(), headers, code, message);
	}

	public static ResponseEntity<ErrorBody> entity(ApiException ex) {
		return entity(ex.code(), ex.getMessage(), ex.retryAfterSeconds());
	}

	/**
	 * The error with a status other than its code's: 412 and 405, say, carry code 001.
	 * @param status the HTTP status
	 * @param code the error code of the body
	 * @param message the message for the client
	 * @return the response
	 */
	public static ResponseEntity<ErrorBody> entity(HttpStatusCode status, ErrorCode code, String message) {
		return entity(status, HttpHeaders.EMPTY, code, message);
	}

	/**
	 * The error with a status other than its code's and the headers that go with it.
	 * @param status the HTTP status
	 * @param headers the answer's headers, such as {@code Content-Range} or {@code Allow}
	 * @param code the error code of the body
	 * @param message the message for the client
	 * @return the response
	 */
	public static ResponseEntity<ErrorBody> entity(HttpStatusCode status, HttpHeaders headers, ErrorCode code,
			String message) {
		HttpHeaders all = new HttpHeaders();
		all.addAll(headers);
		all.setContentType(MediaType.APPLICATION_JSON);
		return ResponseEntity.status(status).headers(all).body(ErrorBody.of(code, message));
	}

	/**
	 * The body as JSON text, for code that writes it without Spring's message converters.
	 * @param code the error code
	 * @param message the message for the client
	 * @return {@code {"error":…,"error_code":…}}
	 */
	public static String json(ErrorCode code, String message) {
		return JSON.writeValueAsString(ErrorBody.of(code, message));
	}

	/**
	 * Writes the error straight to a servlet response, for code that runs outside Spring
	 * MVC's exception handling.
	 * @param response the response, not yet committed
	 * @param code the error code
	 * @param message the message for the client
	 * @param retryAfterSeconds the wait for 429, 503 and 507
	 * @throws IOException when the client has gone
	 */
	public void write(HttpServletResponse response, ErrorCode code, String message, long retryAfterSeconds)
			throws IOException {
		response.setStatus(code.status().value());
		writeBody(response, code, message, retryAfterSeconds);
	}

	/**
	 * Writes an error whose status has no code of its own (408, 412), with the code the
	 * legacy body carries for it.
	 * @param response the response, not yet committed
	 * @param status the HTTP status
	 * @param code the error code of the body
	 * @param message the message for the client
	 * @throws IOException when the client has gone
	 */
	public void write(HttpServletResponse response, int status, ErrorCode code, String message) throws IOException {
		response.setStatus(status);
		writeBody(response, code, message, 0);
	}

	private static void writeBody(HttpServletResponse response, ErrorCode code, String message, long retryAfterSeconds)
			throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (needsRetryAfter(code)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter(retryAfterSeconds));
		}
		response.getWriter().write(json(code, message));
	}

	private static boolean needsRetryAfter(ErrorCode code) {
		return code == ErrorCode.TOO_MANY_REQUESTS || code == ErrorCode.UNAVAILABLE
				|| code == ErrorCode.INSUFFICIENT_STORAGE;
	}

	private static String retryAfter(long seconds) {
		return Long.toString(Math.max(1, seconds));
	}

}
