package io.videoserver.stream.playback;

import io.videoserver.shared.ErrorResponses;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the {@link PlaybackFilter} right behind the rate and connection limiters, so that
 * a stream still holds its permit for its whole transfer.
 */
@Configuration(proxyBeanMethods = false)
class PlaybackConfiguration {

	/** After CORS (+10), the rate limit (+20) and the connection limiter (+30). */
	static final int PLAYBACK_ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

	@Bean
	FilterRegistrationBean<PlaybackFilter> playbackFilter(PlaybackHandler playback, ErrorResponses errors) {
		FilterRegistrationBean<PlaybackFilter> registration = new FilterRegistrationBean<>(
				new PlaybackFilter(playback, errors));
		registration.setOrder(PLAYBACK_ORDER);
		return registration;
	}

}
