package io.videoserver.api.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}. springdoc reads schemas with its own
 * Jackson 2 mapper, which does not see the snake_case naming the application's Jackson 3
 * uses on the wire; this gives it the same naming so the document matches the contract.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	ObjectMapperProvider springdocObjectMapperProvider(SpringDocConfigProperties properties) {
		ObjectMapperProvider provider = new ObjectMapperProvider(properties);
		provider.jsonMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
		return provider;
	}

	@Bean
	OpenAPI videoSiteOpenApi() {
		return new OpenAPI().info(new Info().title("video-server api-service")
			.version("1")
			.description("Users, sessions, videos and comments of the video site. Authenticated calls carry "
					+ "X-Session-Id and X-User-Name, or the video_session cookie. Errors answer "
					+ "{\"error\", \"error_code\"} with the original site's codes 001-012."));
	}

}
