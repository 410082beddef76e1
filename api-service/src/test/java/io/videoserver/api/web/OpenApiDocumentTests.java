package io.videoserver.api.web;

import io.videoserver.api.Api;
import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated OpenAPI document names every api-service row of the public contract.
 */
@ApiTest
class OpenApiDocumentTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theDocumentListsEveryContractEndpoint() {
		MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatus(200);
		JsonNode paths = this.api.read(result).get("paths");
		assertOperations(paths, "/user", "post");
		assertOperations(paths, "/user/{userName}", "post", "get");
		assertOperations(paths, "/session", "delete");
		assertOperations(paths, "/user/{userName}/videos", "post", "get");
		assertOperations(paths, "/videos", "get");
		assertOperations(paths, "/videos/{vid}", "get");
		assertOperations(paths, "/user/{userName}/videos/{vid}", "delete");
		assertOperations(paths, "/videos/{vid}/comments", "post", "get");
	}

	@Test
	void bodiesAreSnakeCaseAsTheOriginals() {
		JsonNode schemas = this.api.read(this.mvc.get().uri("/v3/api-docs").exchange())
			.get("components")
			.get("schemas");
		assertThat(schemas.get("Credentials").get("properties").propertyNames()).contains("user_name", "pwd");
		assertThat(schemas.get("VideoResponse").get("properties").propertyNames()).contains("author_id",
				"display_ctime", "create_time");
	}

	private static void assertOperations(JsonNode paths, String path, String... methods) {
		assertThat(paths.has(path)).as(path).isTrue();
		assertThat(paths.get(path).propertyNames()).as(path).contains(methods);
	}

}
