package io.videoserver.shared;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTests {

	private final ErrorResponses errors = new ErrorResponses();

	@Test
	void jsonIsExactlyTheOriginalBody() {
		assertThat(ErrorResponses.json(ErrorCode.NOT_FOUND, "Not found"))
			.isEqualTo("{\"error\":\"Not found\",\"error_code\":\"006\"}");
		assertThat(ErrorResponses.json(ErrorCode.BAD_REQUEST, "a \"quoted\" \\ name"))
			.isEqualTo("{\"error\":\"a \\\"quoted\\\" \\\\ name\",\"error_code\":\"001\"}");
	}

	@Test
	void jsonMatchesWhatTheServicesMappersWriteForAnEntity() {
		JsonMapper apiMapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		ErrorBody body = ErrorResponses.entity(ErrorCode.FORBIDDEN, "Not allowed", 0).getBody();
		assertThat(apiMapper.writeValueAsString(body))
			.isEqualTo(ErrorResponses.json(ErrorCode.FORBIDDEN, "Not allowed"));
	}

	@Test
	void writeSetsStatusJsonAndRetryAfterForTooManyRequests() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.errors.write(response, ErrorCode.TOO_MANY_REQUESTS, "Too many requests, slow down", 0);
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(response.getContentAsString())
			.isEqualTo("{\"error\":\"Too many requests, slow down\",\"error_code\":\"010\"}");
	}

	@Test
	void writeWithAStatusOverrideKeepsTheCodeOfTheBody() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.errors.write(response, 408, ErrorCode.BAD_REQUEST, "Request body timed out");
		assertThat(response.getStatus()).isEqualTo(408);
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isNull();
		assertThat(response.getContentAsString()).endsWith("\"error_code\":\"001\"}");
	}

	@Test
	void entityCarriesTheCodesStatusAndRetryAfter() {
		ResponseEntity<ErrorBody> entity = ErrorResponses.entity(ErrorCode.UNAVAILABLE, "Down", 5);
		assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(entity.getHeaders().getContentType()).hasToString("application/json");
		assertThat(entity.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(entity.getBody()).isEqualTo(new ErrorBody("Down", "012"));
	}

	@Test
	void entityWithAStatusOverrideKeepsTheGivenHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_RANGE, "bytes */10");
		ResponseEntity<ErrorBody> entity = ErrorResponses.entity(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, headers,
				ErrorCode.RANGE_NOT_SATISFIABLE, "Range not satisfiable");
		assertThat(entity.getStatusCode().value()).isEqualTo(416);
		assertThat(entity.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */10");
		assertThat(entity.getHeaders().getContentType()).hasToString("application/json");
		assertThat(entity.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
		assertThat(ErrorResponses.entity(HttpStatus.PRECONDITION_FAILED, ErrorCode.BAD_REQUEST, "Precondition failed")
			.getStatusCode()
			.value()).isEqualTo(412);
	}

}
