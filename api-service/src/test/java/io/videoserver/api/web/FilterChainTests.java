package io.videoserver.api.web;

import java.util.List;

import io.videoserver.api.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class FilterChainTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void theServicesFiltersRunInTheOrderApiFiltersLists() {
		List<String> chain = new ServletContextInitializerBeans(this.context.getBeanFactory()).stream()
			.filter(FilterRegistrationBean.class::isInstance)
			.map((registration) -> ((FilterRegistrationBean<?>) registration).getFilter().getClass())
			.filter((type) -> type.getPackageName().startsWith("io.videoserver"))
			.map(Class::getSimpleName)
			.toList();
		assertThat(chain).containsExactly("RequestLogFilter", "CanonicalPathFilter", "CrossSiteRequestFilter",
				"ClientRateLimitFilter", "BodySizeLimitFilter", "SecurityHeadersFilter");
	}

}
