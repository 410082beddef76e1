package io.videoserver.shared;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimitFilterTests {

	private final ClientRateLimitFilter filter = new ClientRateLimitFilter(1, 3, new ErrorResponses());

	@Test
	void clientOverItsBurstGets429WithRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(call("10.0.0.1", "/videos/x").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = call("10.0.0.1", "/videos/x");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getContentAsString()).endsWith("\"error_code\":\"010\"}");
	}

	@Test
	void eachClientHasItsOwnBucket() throws Exception {
		for (int i = 0; i < 4; i++) {
			call("10.0.0.2", "/videos/x");
		}
		assertThat(call("10.0.0.3", "/videos/x").getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse call(String client, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRemoteAddr(client);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
