package io.videoserver.api.session;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller take a {@link SessionUser} parameter to require a valid session.
 */
@Configuration(proxyBeanMethods = false)
class SessionWebConfiguration implements WebMvcConfigurer {

	private final Sessions sessions;

	SessionWebConfiguration(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new SessionArgumentResolver(this.sessions));
	}

}
