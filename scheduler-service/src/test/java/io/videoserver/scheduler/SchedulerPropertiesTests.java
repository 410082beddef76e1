package io.videoserver.scheduler;

import java.time.Duration;

import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.StoreKind;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsMatchTheContract() {
		this.contexts.run((context) -> {
			SchedulerProperties.Scheduler scheduler = context.getBean(SchedulerProperties.class).scheduler();
			assertThat(scheduler.interval()).isEqualTo(Duration.ofSeconds(3));
			assertThat(scheduler.batchSize()).isEqualTo(100);
			assertThat(scheduler.replicaId()).isNotBlank().hasSizeLessThanOrEqualTo(64);
		});
	}

	@Test
	void everyReplicaGetsItsOwnDefaultId() {
		this.contexts.run(
				(first) -> this.contexts.run((second) -> assertThat(replicaId(first)).isNotEqualTo(replicaId(second))));
	}

	@Test
	void storeOtherThanLocalOrS3StopsTheStart() {
		this.contexts.withPropertyValues("video.store=ftp")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("video.store")
				.hasStackTraceContaining(StoreKind.class.getName()));
	}

	@Test
	void s3StoreBindsItsBucket() {
		this.contexts.withPropertyValues("video.store=s3", "video.s3.bucket=videos", "video.s3.path-style=true")
			.run((context) -> {
				assertThat(context.getBean(SchedulerProperties.class).store()).isEqualTo(StoreKind.S3);
				S3Settings bucket = context.getBean(S3Settings.class);
				assertThat(bucket.bucket()).isEqualTo("videos");
				assertThat(bucket.pathStyle()).isTrue();
			});
	}

	@Test
	void zeroConcurrencyStopsTheStart() {
		this.contexts.withPropertyValues("video.scheduler.concurrency=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	private static String replicaId(ApplicationContext context) {
		return context.getBean(SchedulerProperties.class).scheduler().replicaId();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SchedulerProperties.class, S3Settings.class })
	static class PropertiesConfiguration {

	}

}
