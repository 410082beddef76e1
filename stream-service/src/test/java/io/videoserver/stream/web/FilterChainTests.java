package io.videoserver.stream.web;

import java.util.List;

import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.filter.CorsFilter;

import static org.assertj.core.api.Assertions.assertThat;

class FilterChainTests extends StreamIntegrationTest {

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void theServicesFiltersRunInTheOrderStreamFiltersLists() {
		List<String> chain = new ServletContextInitializerBeans(this.context.getBeanFactory()).stream()
			.filter(FilterRegistrationBean.class::isInstance)
			.map((registration) -> ((FilterRegistrationBean<?>) registration).getFilter().getClass())
			.filter((type) -> type.getPackageName().startsWith("io.videoserver") || type == CorsFilter.class)
			.map(Class::getSimpleName)
			.toList();
		assertThat(chain).containsExactly("RequestLogFilter", "CanonicalPathFilter", "CrossSiteRequestFilter",
				"CorsFilter", "ClientRateLimitFilter", "ConnectionLimitFilter", "PlaybackFilter", "TusProtocolFilter");
	}

}
