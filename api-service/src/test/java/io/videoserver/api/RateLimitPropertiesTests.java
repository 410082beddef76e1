package io.videoserver.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitPropertiesTests {

	@Test
	void burstIsTwiceTheRateUnlessSet() {
		assertThat(new ApiProperties.RateLimit(50, null).capacity()).isEqualTo(100);
		assertThat(new ApiProperties.RateLimit(50, 300).capacity()).isEqualTo(300);
	}

	@Test
	void bindsTheSameShapeAsTheStreamServicesSetting() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("video.rate-limit.requests-per-second", "7", "video.rate-limit.burst", "9")));
		ApiProperties.RateLimit rateLimit = binder.bindOrCreate("video", ApiProperties.class).rateLimit();
		assertThat(rateLimit).isEqualTo(new ApiProperties.RateLimit(7, 9));
		assertThat(new Binder().bindOrCreate("video", ApiProperties.class).rateLimit())
			.isEqualTo(new ApiProperties.RateLimit(50, null));
	}

}
