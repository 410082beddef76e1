package io.videoserver.stream.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.videoserver.shared.VideoIds;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebIntegrationTests extends StreamIntegrationTest {

	@Test
	void preflightFromTheWebUiAllowsCredentialsAndSessionHeaders() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/videos/" + VideoIds.newId()))
			.header("Origin", "http://localhost:8000")
			.header("Access-Control-Request-Method", "PUT")
			.header("Access-Control-Request-Headers", "x-session-id,x-user-name")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8000");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("x-session-id", "x-user-name");
	}

	@Test
	void playbackExposesRangeHeadersToTheWebUi() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/videos/" + VideoIds.newId()))
			.header("Origin", "http://127.0.0.1:8000")
			.build());
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:8000");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
			.contains("Content-Range", "Accept-Ranges", "Content-Length", "ETag");
	}

	@Test
	void otherOriginsAreRefused() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/videos/" + VideoIds.newId()))
			.header("Origin", "http://evil.example")
			.header("Access-Control-Request-Method", "PUT")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void testPageServesTheOriginalUploadForm() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/testpage")).build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(response.body()).contains("enctype=\"multipart/form-data\"", "name=\"file\"", "/upload/");
	}

	@Test
	void healthProbesAreUpOnTheManagementPortOnly() throws Exception {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(managementUri(probe)).build());
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(response.body()).contains("UP");
		}
		for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/health/readiness",
				"/actuator/prometheus" }) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).build());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).isEqualTo("{\"error\":\"Not found\",\"error_code\":\"006\"}");
		}
		HttpResponse<String> metrics = send(HttpRequest.newBuilder(managementUri("/actuator/prometheus")).build());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("video_stream_connections_in_use");
		HttpResponse<String> healthz = send(HttpRequest.newBuilder(uri("/api/v1/healthz")).build());
		assertThat(healthz.statusCode()).isEqualTo(200);
		assertThat(healthz.body()).isEqualTo("{\"status\":\"UP\"}");
	}

}
