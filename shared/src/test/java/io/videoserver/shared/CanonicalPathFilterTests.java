package io.videoserver.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathFilterTests {

	private final CanonicalPathFilter filter = new CanonicalPathFilter(new ErrorResponses());

	@ParameterizedTest
	@ValueSource(strings = { "/", "/videos", "/videos/", "/videos/0f8c7c1e-8a39-4b7e-9d1a-3c5e2f6a7b8c",
			"/user/al%C3%A9x/videos", "/user/a%20b", "/user/a%2Fb", "/user/a%25b", "/tus/uploads/x", "/app.js",
			"/.well-known/x", "/..x/x.", "/videos/a.b~c_d-e", "*" })
	void canonicalPathsPass(String path) throws Exception {
		MockHttpServletResponse response = call(path);
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/%76ideos/x", "/vide%6Fs/x", "/vide%6fs/x", "/videos/%30", "/videos/a%2D", "/%2e/x",
			"/%2E%2E/x", "/a%5Fb", "/a%7e", "/videos;x=1/x", "/videos/x;jsessionid=1", "/videos;/x", "//videos/x",
			"/videos//x", "/videos/x//", "/./videos/x", "/videos/./x", "/videos/.", "/x/../videos", "/videos/..",
			"/videos/x%", "/videos/x%4", "/videos/%zz" })
	void otherSpellingsAreRefusedWithTheErrorBody(String path) throws Exception {
		MockHttpServletResponse response = call(path);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).endsWith("\"error_code\":\"001\"}");
	}

	private MockHttpServletResponse call(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
