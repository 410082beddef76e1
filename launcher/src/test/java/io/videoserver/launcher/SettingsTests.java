package io.videoserver.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

class SettingsTests {

	@Test
	void defaultsNeedNoConfiguration() {
		Settings settings = Settings.from(Map.of("VIDEO_HOME", "/opt/site"));
		assertThat(settings.projectRoot()).isEqualTo(Path.of("/opt/site"));
		assertThat(settings.dataDir()).isEqualTo(Path.of("/opt/site/data"));
		assertThat(settings.externalDatabaseUrl()).isNull();
		assertThat(settings.services()).extracting(Service::module, Service::port, Service::managementPort)
			.containsExactly(tuple("api-service", 8000, 8081), tuple("stream-service", 9000, 9081),
					tuple("scheduler-service", 9001, 9082));
		assertThat(settings.services().get(1).readinessUrl())
			.isEqualTo("http://127.0.0.1:9081/actuator/health/readiness");
	}

	@Test
	void datasourceUrlTurnsTheEmbeddedDatabaseOff() {
		Settings settings = Settings.from(Map.of("SPRING_DATASOURCE_URL", "jdbc:mysql://db:3306/video",
				"VIDEO_DATA_DIR", "/var/lib/video", "VIDEO_LAUNCHER_API_PORT", "18000"));
		assertThat(settings.externalDatabaseUrl()).isEqualTo("jdbc:mysql://db:3306/video");
		assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/video"));
		assertThat(settings.apiPort()).isEqualTo(18000);
	}

	@Test
	void managementPortsCanBeMoved() {
		Settings settings = Settings.from(Map.of("VIDEO_LAUNCHER_API_MANAGEMENT_PORT", "18081",
				"VIDEO_LAUNCHER_STREAM_MANAGEMENT_PORT", "19081", "VIDEO_LAUNCHER_SCHEDULER_MANAGEMENT_PORT", "19082"));
		assertThat(settings.services()).extracting(Service::managementPort).containsExactly(18081, 19081, 19082);
	}

	@Test
	void aPortThatIsNotANumberIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.from(Map.of("VIDEO_LAUNCHER_API_PORT", "web")))
			.withMessageContaining("VIDEO_LAUNCHER_API_PORT");
	}

	@Test
	void serviceJarsAreTheModulesBootJars() {
		assertThat(new Service("api-service", 8000, 8081).jar(Path.of("/site")))
			.isEqualTo(Path.of("/site/api-service/target/api-service-1.0.0-SNAPSHOT.jar"));
	}

}
