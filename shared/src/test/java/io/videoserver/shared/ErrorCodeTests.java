package io.videoserver.shared;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTests {

	@Test
	void springStatusesMapToTheOriginalsCodes() {
		assertThat(ErrorCode.forStatus(HttpStatus.BAD_REQUEST).value()).isEqualTo("001");
		assertThat(ErrorCode.forStatus(HttpStatus.NOT_FOUND).value()).isEqualTo("006");
		assertThat(ErrorCode.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).value()).isEqualTo("009");
		assertThat(ErrorCode.forStatus(HttpStatus.PAYLOAD_TOO_LARGE).value()).isEqualTo("008");
		assertThat(ErrorCode.forStatus(HttpStatus.INTERNAL_SERVER_ERROR).value()).isEqualTo("004");
		assertThat(ErrorCode.forStatus(HttpStatus.METHOD_NOT_ALLOWED).value()).isEqualTo("001");
		assertThat(ErrorCode.forStatus(HttpStatus.BAD_GATEWAY).value()).isEqualTo("004");
	}

}
