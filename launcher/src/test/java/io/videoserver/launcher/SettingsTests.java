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
		assertThat(settings.services()).extracting(Service::module, Service::port)
			.containsExactly(tuple("api-service", 8000), tuple("stream-service", 9000),
					tuple("scheduler-service", 9001));
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
	void aPortThatIsNotANumberIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.from(Map.of("VIDEO_LAUNCHER_API_PORT", "web")))
			.withMessageContaining("VIDEO_LAUNCHER_API_PORT");
	}

	@Test
	void serviceJarsAreTheModulesBootJars() {
		assertThat(new Service("api-service", 8000).jar(Path.of("/site")))
			.isEqualTo(Path.of("/site/api-service/target/api-service-1.0.0-SNAPSHOT.jar"));
	}

}
