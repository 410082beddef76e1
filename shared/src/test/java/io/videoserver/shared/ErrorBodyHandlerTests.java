package io.videoserver.shared;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorBodyHandlerTests {

	private final ErrorBodyHandler handler = new ErrorBodyHandler();

	@Test
	void databaseOutagesAnswer503WithRetryAfter() {
		for (var outage : new org.springframework.dao.DataAccessException[] {
				new CannotGetJdbcConnectionException("pool timeout", new SQLException("down")),
				new RecoverableDataAccessException("connection died") }) {
			ResponseEntity<ErrorBody> response = this.handler.handle(outage);
			assertThat(response.getStatusCode().value()).isEqualTo(503);
			assertThat(response.getBody().errorCode()).isEqualTo("012");
			assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		}
	}

	@Test
	void aTransactionWhoseConnectionDiedAnswers503NotTheRollbacksFailure() {
		// the statement failed with the server gone, then so did the rollback: Spring
		// throws the rollback's exception with the statement's inside
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("No operations allowed after connection closed."));
		rollbackFailed.initApplicationException(new RecoverableDataAccessException("connection died"));
		ResponseEntity<ErrorBody> response = this.handler.handle(rollbackFailed);
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getBody().errorCode()).isEqualTo("012");
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
	}

	@Test
	void failureAnswersEachKindAsItsOwnHandlerDoes() {
		assertThat(ErrorBodyHandler.failure(new ApiException(ErrorCode.NOT_FOUND, "no such video"))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(
				ErrorBodyHandler.failure(new RecoverableDataAccessException("connection died")).getBody().errorCode())
			.isEqualTo("012");
		assertThat(ErrorBodyHandler.failure(new IllegalStateException("bug")).getBody().errorCode()).isEqualTo("004");
	}

	@Test
	void otherDatabaseErrorsAnswer500WithoutDriverText() {
		ResponseEntity<ErrorBody> response = this.handler
			.handle(new DataIntegrityViolationException("Duplicate entry 'x' for key 'users.login_name'"));
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody()).isEqualTo(new ErrorBody("DB ops failed", "003"));
	}

}
