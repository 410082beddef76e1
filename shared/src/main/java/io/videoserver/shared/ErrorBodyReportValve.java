package io.videoserver.shared;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on errors that never reach Spring (an encoded slash or a NUL in the
 * URL, a malformed request line): the legacy JSON body instead of Tomcat's HTML page.
 */
public class ErrorBodyReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		ErrorCode code = ErrorCode.forStatus((known != null) ? known : HttpStatus.INTERNAL_SERVER_ERROR);
		String message = (known != null) ? ErrorBodyHandler.messageFor(known, code) : code.message();
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(ErrorResponses.json(code, message));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone; there is no one left to tell
		}
		response.getCoyoteResponse().action(ActionCode.CLOSE, null);
	}

}
