package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.videoserver.shared.ErrorBody;
import io.videoserver.shared.ErrorBodyHandler;
import io.videoserver.shared.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a write that found the disk full, wherever in an upload it happened (the body,
 * the faststart copy, a tus chunk or its info file), with 507/013 instead of a bare 500;
 * anything else gets the shared handler's answer. Spring picks this advice for any
 * failure with an I/O error among its causes, a database error too (a socket timeout, a
 * connection closed by a restart), so those must still get 503/012, not 500/004.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DiskFullAdvice {

	private static final Logger log = LoggerFactory.getLogger(DiskFullAdvice.class);

	@ExceptionHandler({ IOException.class, UncheckedIOException.class })
	ResponseEntity<ErrorBody> handle(Exception ex) {
		if (DiskSpace.isFull(ex)) {
			log.warn("Upload refused, the disk is full: {}", ex.toString());
			return ErrorResponses.entity(DiskSpace.full());
		}
		return ErrorBodyHandler.failure(ex);
	}

}
