package io.videoserver.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCommandTests {

	private final Service service = new Service("stream-service", 9000, 9081);

	@Test
	void childGetsTheGivenEnvironmentAloneWithItsPorts() {
		ProcessBuilder builder = ServiceCommand.of(this.service, Path.of("/site/stream.jar"),
				Map.of("VIDEO_DIR", "/srv/videos"));
		assertThat(builder.environment()).containsOnly(Map.entry("VIDEO_DIR", "/srv/videos"),
				Map.entry("SERVER_PORT", "9000"), Map.entry("MANAGEMENT_SERVER_PORT", "9081"));
		assertThat(builder.command()).endsWith(ServiceCommand.AOT_MODE, "-jar", "/site/stream.jar").hasSize(4);
		assertThat(builder.redirectErrorStream()).isTrue();
	}

	@Test
	void javaOptionsComeAfterTheAotModeAndBeforeTheJar() {
		ProcessBuilder builder = ServiceCommand.of(this.service, Path.of("/site/stream.jar"),
				Map.of("VIDEO_SERVICE_JAVA_OPTS", " -Xmx256m  -Dspring.aot.enabled=false "));
		assertThat(builder.command())
			.endsWith(ServiceCommand.AOT_MODE, "-Xmx256m", "-Dspring.aot.enabled=false", "-jar", "/site/stream.jar")
			.hasSize(6);
	}

	@Test
	void addressesAreOnLoopback() {
		assertThat(this.service.url()).isEqualTo("http://127.0.0.1:9000");
		assertThat(this.service.readinessUrl()).isEqualTo("http://127.0.0.1:9081/actuator/health/readiness");
	}

}
