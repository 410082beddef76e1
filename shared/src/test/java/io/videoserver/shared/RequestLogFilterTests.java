package io.videoserver.shared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogFilterTests {

	@Test
	void madeUpRequestIdsAreDistinctVersionFourUuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RequestLogFilter.newRequestId();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(id).matches("[0-9a-f-]{36}");
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

	@Test
	void aRequestThatGoesOnAsynchronouslyKeepsItsIdOnTheLaterDispatch() throws Exception {
		RequestLogFilter filter = new RequestLogFilter();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/user");
		request.setAsyncSupported(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		List<String> ids = new ArrayList<>();
		filter.doFilter(request, response, (req, res) -> {
			ids.add(MDC.get(RequestLogFilter.MDC_KEY));
			req.startAsync();
		});
		request.setDispatcherType(DispatcherType.ASYNC);
		filter.doFilter(request, response, (req, res) -> ids.add(MDC.get(RequestLogFilter.MDC_KEY)));
		assertThat(ids).hasSize(2).doesNotContainNull();
		assertThat(ids.get(1)).isEqualTo(ids.get(0)).isEqualTo(response.getHeader(RequestLogFilter.HEADER));
		assertThat(response.getHeaders(RequestLogFilter.HEADER)).hasSize(1);
		assertThat(MDC.get(RequestLogFilter.MDC_KEY)).isNull();
	}

}
