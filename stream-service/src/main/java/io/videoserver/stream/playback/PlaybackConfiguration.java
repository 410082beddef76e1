package io.videoserver.stream.playback;

import io.videoserver.shared.ErrorResponses;
import io.videoserver.stream.web.StreamFilters;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link PlaybackFilter} right behind the rate and connection limiters, so that
 * a stream still holds its permit for its whole transfer.
 */
@Configuration(proxyBeanMethods = false)
class PlaybackConfiguration {

	@Bean
	FilterRegistrationBean<PlaybackFilter> playbackFilter(PlaybackHandler playback, ErrorResponses errors) {
		FilterRegistrationBean<PlaybackFilter> registration = new FilterRegistrationBean<>(
				new PlaybackFilter(playback, errors));
		registration.setOrder(StreamFilters.PLAYBACK);
		return registration;
	}

}
