package io.videoserver.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildEnvironmentTests {

	private final Settings defaults = new Settings(Path.of("/site"), Path.of("/site/data"), null, Duration.ofMinutes(1),
			8000, 9000, 9001, List.of(8081, 9081, 9082));

	@Test
	void embeddedDatabaseIsGivenToEveryServiceWithTheGeneratedToken() {
		Map<String, String> env = ChildEnvironment.of(
				Map.of("PATH", "/bin", "SERVER_PORT", "1234", "MANAGEMENT_SERVER_PORT", "1235"), this.defaults,
				"jdbc:mysql://127.0.0.1:4000/video", "t0ken", true);
		assertThat(env).containsEntry("PATH", "/bin")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:mysql://127.0.0.1:4000/video")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "root")
			.containsEntry("VIDEO_DIR", Path.of("/site/data/videos").toString())
			.containsEntry("VIDEO_INTERNAL_TOKEN", "t0ken")
			.containsKey("SPRING_FLYWAY_CONNECT_RETRIES")
			.doesNotContainKeys("SERVER_PORT", "MANAGEMENT_SERVER_PORT")
			.doesNotContainKeys("VIDEO_CORS_ORIGINS", "VIDEO_STREAM_URL");
	}

	@Test
	void userSettingsWinOverTheLaunchersDefaults() {
		Map<String, String> env = ChildEnvironment.of(
				Map.of("SPRING_DATASOURCE_URL", "jdbc:mysql://db/video", "SPRING_DATASOURCE_USERNAME", "app",
						"VIDEO_DIR", "/srv/videos", "VIDEO_INTERNAL_TOKEN", "mine"),
				this.defaults, "jdbc:mysql://db/video", "generated", false);
		assertThat(env).containsEntry("SPRING_DATASOURCE_USERNAME", "app")
			.containsEntry("VIDEO_DIR", "/srv/videos")
			.containsEntry("VIDEO_INTERNAL_TOKEN", "mine");
	}

	@Test
	void otherPortsAreToldToTheWebUiAndToCors() {
		Settings settings = new Settings(Path.of("/site"), Path.of("/site/data"), null, Duration.ofMinutes(1), 18000,
				19000, 19001, List.of(18081, 19081, 19082));
		Map<String, String> env = ChildEnvironment.of(Map.of(), settings, "jdbc:mysql://x/video", "t", true);
		assertThat(env).containsEntry("VIDEO_CORS_ORIGINS", "http://localhost:18000,http://127.0.0.1:18000")
			.containsEntry("VIDEO_STREAM_URL", "http://localhost:19000");
	}

}
