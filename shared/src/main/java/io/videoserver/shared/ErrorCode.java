package io.videoserver.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The original site's error codes, each with its HTTP status and default message, so that
 * its clients keep recognising every failure.
 */
public enum ErrorCode {

	BAD_REQUEST("001", HttpStatus.BAD_REQUEST, "Request body is not correct"),

	NOT_AUTHENTICATED("002", HttpStatus.UNAUTHORIZED, "User authentication failed"),

	DATABASE("003", HttpStatus.INTERNAL_SERVER_ERROR, "DB ops failed"),

	INTERNAL("004", HttpStatus.INTERNAL_SERVER_ERROR, "Internal service error"),

	ALREADY_EXISTS("005", HttpStatus.CONFLICT, "Already exists"),

	NOT_FOUND("006", HttpStatus.NOT_FOUND, "Not found"),

	FORBIDDEN("007", HttpStatus.FORBIDDEN, "Not allowed"),

	PAYLOAD_TOO_LARGE("008", HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),

	UNSUPPORTED_MEDIA_TYPE("009", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),

	TOO_MANY_REQUESTS("010", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),

	RANGE_NOT_SATISFIABLE("011", HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range not satisfiable"),

	UNAVAILABLE("012", HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable"),

	/**
	 * The disk that receives uploads is full: nothing of the upload was kept, and the
	 * same upload succeeds once space returns (an addition to the original's codes).
	 */
	INSUFFICIENT_STORAGE("013", HttpStatus.INSUFFICIENT_STORAGE, "Insufficient storage");

	private final String value;

	private final HttpStatus status;

	private final String message;

	ErrorCode(String value, HttpStatus status, String message) {
		this.value = value;
		this.status = status;
		this.message = message;
	}

	public String value() {
		return this.value;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String message() {
		return this.message;
	}

	/**
	 * The code for a status that Spring or the servlet container chose; statuses the
	 * original never produced (405, 406) count as a request that could not be handled.
	 * @param status the HTTP status of the failed response
	 * @return the matching code
	 */
	public static ErrorCode forStatus(HttpStatusCode status) {
		for (ErrorCode code : values()) {
			if (code.status.value() == status.value() && code != DATABASE) {
				return code;
			}
		}
		return status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
	}

}
