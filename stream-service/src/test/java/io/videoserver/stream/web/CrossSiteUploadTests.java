package io.videoserver.stream.web;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of another site cannot make a logged-in browser upload over someone's video: a
 * multipart POST needs no CORS preflight, and SameSite=Strict lets sibling subdomains
 * send the cookie.
 */
class CrossSiteUploadTests extends StreamIntegrationTest {

	private String session;

	private String vid;

	@BeforeEach
	void seed() {
		String user = uniqueName("victim");
		this.vid = createVideo(createUser(user));
		this.session = createSession(user, false);
	}

	@Test
	void aFormPostedFromAnotherSiteIsRefusedBeforeTheBodyIsRead() throws Exception {
		HttpResponse<String> response = send(withCookie(HttpRequest.newBuilder(uri("/upload/" + this.vid)))
			.header("Origin", "http://attacker.localhost:8000")
			.header("Content-Type", "multipart/form-data; boundary=x")
			.POST(BodyPublishers.ofByteArray(mp4(10_000, 1)))
			.build());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("{\"error\":\"Cross-site request refused\",\"error_code\":\"007\"}");
		assertThat(VIDEO_DIR.resolve(this.vid)).doesNotExist();
	}

	@Test
	void aRequestMarkedCrossSiteWithoutAnOriginIsRefused() throws Exception {
		HttpResponse<String> response = send(put().header("Sec-Fetch-Site", "cross-site").build());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(VIDEO_DIR.resolve(this.vid)).doesNotExist();
	}

	@Test
	void anotherPortOrSchemeOfTheWebUisHostIsRefused() throws Exception {
		assertThat(send(put().header("Origin", "http://localhost:8001").build()).statusCode()).isEqualTo(403);
		assertThat(send(put().header("Origin", "https://localhost:8000").build()).statusCode()).isEqualTo(403);
		assertThat(send(put().header("Origin", "http://127.0.0.1:" + (this.port + 1)).build()).statusCode())
			.isEqualTo(403);
		assertThat(VIDEO_DIR.resolve(this.vid)).doesNotExist();
	}

	@Test
	void theWebUisOriginAndClientsWithoutOneMayUpload() throws Exception {
		assertThat(send(put().header("Origin", "http://localhost:8000").header("Sec-Fetch-Site", "same-site").build())
			.statusCode()).isEqualTo(201);
		assertThat(send(put().build()).statusCode()).isEqualTo(201);
	}

	private HttpRequest.Builder put() {
		return withCookie(HttpRequest.newBuilder(uri("/videos/" + this.vid)))
			.PUT(BodyPublishers.ofByteArray(mp4(1000, 2)));
	}

	private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
		return request.header("Cookie", "video_session=" + this.session);
	}

}
