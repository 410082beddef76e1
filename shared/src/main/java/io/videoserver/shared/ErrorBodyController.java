package io.videoserver.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's own error dispatches (a malformed URL, an error in a
 * filter) with the legacy body instead of Spring Boot's default one.
 */
@RestController
public class ErrorBodyController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ErrorBody> error(HttpServletRequest request) {
		Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (attribute instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		ErrorCode code = ErrorCode.forStatus(status);
		return ErrorResponses.entity(code, ErrorBodyHandler.messageFor(status, code), 1);
	}

}
