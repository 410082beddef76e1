package io.videoserver.shared.testaot;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import static org.assertj.core.api.Assertions.assertThat;

class BuildTimeConditionsTests {

	@Test
	void findsConditionsOnClassesAndOnBeanMethods() throws IOException {
		assertThat(BuildTimeConditions.in("io.videoserver.shared.testaot")).containsExactlyInAnyOrder(
				SwitchedConfiguration.class.getName(), ProfileConfiguration.class.getName(),
				BeanMethods.class.getName() + "#switched");
	}

	@Test
	void sharedCodeReadsItsSettingsAtRunTime() throws IOException {
		assertThat(BuildTimeConditions.in("io.videoserver.shared"))
			.allMatch((found) -> found.startsWith(BuildTimeConditionsTests.class.getName() + "$"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "video.fixture.enabled")
	static class SwitchedConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@Profile("fixture")
	static class ProfileConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class BeanMethods {

		@Bean
		@ConditionalOnBooleanProperty("video.fixture.switched")
		String switched() {
			return "switched";
		}

		@Bean
		String always() {
			return "always";
		}

	}

}
