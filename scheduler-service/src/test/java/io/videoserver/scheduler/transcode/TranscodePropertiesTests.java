package io.videoserver.scheduler.transcode;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TranscodePropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsMatchTheDocumentation() {
		this.contexts.run((context) -> {
			TranscodeProperties settings = context.getBean(TranscodeProperties.class);
			assertThat(settings.enabled()).isTrue();
			assertThat(settings.concurrency()).isEqualTo(1);
			assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.lease()).isEqualTo(Duration.ofMinutes(2));
			assertThat(settings.maxAttempts()).isEqualTo(5);
			assertThat(settings.timeout()).isEqualTo(Duration.ofHours(2));
			assertThat(settings.progressInterval()).isEqualTo(Duration.ofSeconds(2));
			assertThat(settings.workDir().normalize()).isEqualTo(Path.of("data/transcode"));
		});
	}

	@Test
	void settingsBindFromTheirProperties() {
		this.contexts
			.withPropertyValues("video.transcode.enabled=false", "video.transcode.concurrency=3",
					"video.transcode.lease=30s", "video.transcode.work-dir=/var/tmp/transcode")
			.run((context) -> {
				TranscodeProperties settings = context.getBean(TranscodeProperties.class);
				assertThat(settings.enabled()).isFalse();
				assertThat(settings.concurrency()).isEqualTo(3);
				assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(30));
				assertThat(settings.workDir()).isEqualTo(Path.of("/var/tmp/transcode"));
			});
	}

	@Test
	void zeroConcurrencyStopsTheStart() {
		this.contexts.withPropertyValues("video.transcode.concurrency=0")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("concurrency"));
	}

	@Test
	void leaseUnderASecondStopsTheStart() {
		this.contexts.withPropertyValues("video.transcode.lease=200ms")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("video.transcode.lease"));
	}

	@Test
	void zeroTimeoutStopsTheStart() {
		this.contexts.withPropertyValues("video.transcode.timeout=0s")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("timeout"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TranscodeProperties.class)
	static class PropertiesConfiguration {

	}

}
