package io.videoserver.stream.upload;

import java.io.IOException;
import java.net.SocketTimeoutException;

import io.videoserver.shared.ErrorBody;
import org.junit.jupiter.api.Test;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring hands this advice every failure with an I/O error among its causes: only a full
 * disk is its own to answer, the rest get the shared handler's answer.
 */
class DiskFullAdviceTests {

	private final DiskFullAdvice advice = new DiskFullAdvice();

	@Test
	void aFullDiskAnswers507() {
		ResponseEntity<ErrorBody> response = this.advice.handle(new IOException("No space left on device"));
		assertThat(response.getStatusCode().value()).isEqualTo(507);
		assertThat(response.getBody().errorCode()).isEqualTo("013");
	}

	@Test
	void aDatabaseConnectionLostUnderAnIoErrorAnswers503NotAnInternalError() {
		ResponseEntity<ErrorBody> response = this.advice.handle(new RecoverableDataAccessException(
				"Communications link failure", new SocketTimeoutException("Read timed out")));
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getBody().errorCode()).isEqualTo("012");
		assertThat(response.getHeaders().getFirst("Retry-After")).isNotNull();
	}

	@Test
	void anotherDiskFailureStaysAnInternalError() {
		ResponseEntity<ErrorBody> response = this.advice.handle(new IOException("Input/output error"));
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().errorCode()).isEqualTo("004");
	}

}
