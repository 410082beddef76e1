package io.videoserver.api.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that Spring or the servlet container raise get the original's body too.
 */
@ApiTest
class ErrorBodyTests {

	@Autowired
	private MockMvcTester mvc;

	@LocalServerPort
	private int port;

	@Test
	void unknownPathAnswers404() {
		assertErrorBody(this.mvc.get().uri("/no/such/thing").exchange(), 404, "006");
	}

	@Test
	void wrongMethodAnswers405WithTheErrorBody() {
		assertErrorBody(this.mvc.put().uri("/videos").exchange(), 405, "001");
	}

	@Test
	void aDeclaredBodyOver64KiBAnswers413() {
		String body = "{\"user_name\":\"x\",\"pwd\":\"" + "p".repeat(70_000) + "\"}";
		assertErrorBody(this.mvc.post().uri("/user").contentType(MediaType.APPLICATION_JSON).content(body).exchange(),
				413, "008");
	}

	@Test
	void aChunkedBodyGrowingOver64KiBAnswers413() throws Exception {
		byte[] body = ("{\"user_name\":\"x\",\"pwd\":\"" + "p".repeat(200_000) + "\"}").getBytes();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/user"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body())
			.isEqualTo("{\"error\":\"Request body is larger than 64 KiB\",\"error_code\":\"008\"}");
	}

	@Test
	void anEncodedSlashInThePathIsRejectedWithTheErrorBody() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/videos/..%2F..%2Fetc%2Fpasswd"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"error_code\":\"001\"").doesNotContain("Exception");
	}

}
