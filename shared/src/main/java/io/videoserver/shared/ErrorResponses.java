package io.videoserver.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Builds the legacy error response in one place, for controllers (as a
 * {@link ResponseEntity}) and for filters that answer before Spring MVC does.
 */
public class ErrorResponses {

	static final long DEFAULT_RETRY_AFTER_SECONDS = 1;

	private final JsonMapper json;

	public ErrorResponses(JsonMapper json) {
		this.json = json;
	}

	public static ResponseEntity<LegacyError> entity(ErrorCode code, String message, long retryAfterSeconds) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(code.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (needsRetryAfter(code)) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
		}
		return builder.body(LegacyError.of(code, message));
	}

	public static ResponseEntity<LegacyError> entity(ApiException ex) {
		return entity(ex.code(), ex.getMessage(), ex.retryAfterSeconds());
	}

	/**
	 * Writes the error straight to a servlet response, for code that runs outside Spring
	 * MVC's exception handling.
	 * @param response the response, not yet committed
	 * @param code the error code
	 * @param message the message for the client
	 * @param retryAfterSeconds the wait for 429 and 503
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

	private void writeBody(HttpServletResponse response, ErrorCode code, String message, long retryAfterSeconds)
			throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (needsRetryAfter(code)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
		}
		response.getWriter().write(this.json.writeValueAsString(LegacyError.of(code, message)));
	}

	private static boolean needsRetryAfter(ErrorCode code) {
		return code == ErrorCode.TOO_MANY_REQUESTS || code == ErrorCode.UNAVAILABLE;
	}

}
