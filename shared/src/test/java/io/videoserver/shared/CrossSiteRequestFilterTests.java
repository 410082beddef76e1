package io.videoserver.shared;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSRF check compares whole origins: scheme, host and port (a missing port being the
 * scheme's default), for the request's own origin (here {@code https://site.example}) and
 * the configured ones.
 */
class CrossSiteRequestFilterTests {

	private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(
			List.of("http://ui.example:8000", "https://UI.example/"), new ErrorResponses());

	@ParameterizedTest
	@ValueSource(strings = { "https://site.example", "https://site.example:443", "HTTPS://Site.Example",
			"http://ui.example:8000", "https://ui.example", "https://ui.example:443" })
	void theOwnAndTheConfiguredOriginsPass(String origin) throws Exception {
		assertThat(post(origin).getStatus()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://site.example", "https://site.example:8443", "http://site.example:443",
			"https://evil.example", "https://site.example.evil.example", "http://ui.example", "http://ui.example:8001",
			"https://ui.example:8000", "https://ui.example:8443", "null", "https://site.example/path",
			"https://user@site.example", "site.example", "https://", "::" })
	void anyOtherSchemeHostOrPortIsRefused(String origin) throws Exception {
		MockHttpServletResponse response = post(origin);
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).endsWith("\"error_code\":\"007\"}");
	}

	private MockHttpServletResponse post(String origin) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/videos");
		request.setScheme("https");
		request.setServerName("site.example");
		request.setServerPort(443);
		request.addHeader("Origin", origin);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
