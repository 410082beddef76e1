package io.videoserver.api.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embed page may be framed by any site; every other page still refuses framing. Over
 * a real port, as a browser reads the headers.
 */
@ApiTest
class EmbedFramingApiTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void embedPageAllowsFramingByAnySite() throws Exception {
		HttpResponse<String> response = get("/embed/" + UUID.randomUUID());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("js/embed.js");
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("frame-ancestors *")
			.doesNotContain("frame-ancestors 'none'")
			.as("the rest of the policy stays")
			.contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(response.headers().firstValue("X-Frame-Options")).as("DENY would forbid what the CSP allows")
			.isEmpty();
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/index.html", "/embed.html", "/js/embed.js", "/ui/config", "/videos", "/embed",
			"/embedded/x", "/session" })
	void everyOtherPageRefusesFraming(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("frame-ancestors *"));
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void embedOfAMalformedIdAnswers400() throws Exception {
		HttpResponse<String> response = get("/embed/not-a-video");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"error_code\":\"001\"");
	}

}
