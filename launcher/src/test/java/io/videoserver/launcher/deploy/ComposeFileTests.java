package io.videoserver.launcher.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.videoserver.launcher.deploy.Project.list;
import static io.videoserver.launcher.deploy.Project.map;
import static io.videoserver.launcher.deploy.Project.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml checked without an engine (deploy/compose-smoke.sh runs it for
 * real): the services find the database, share the video volume, and only the front is
 * published, on 8000.
 */
class ComposeFileTests {

	private final ComposeFile compose = ComposeFile.load();

	@Test
	void databaseIsMySql84WithAVolumeAndAHealthCheck() {
		Map<String, Object> db = this.compose.service("db");
		assertThat(string(db, "image")).isEqualTo("${MYSQL_IMAGE:-mysql:8.4}");
		assertThat(list(db, "volumes")).contains("db-data:/var/lib/mysql");
		assertThat(list(map(db, "healthcheck"), "test")).isNotEmpty();
	}

	@Test
	void servicesWaitForTheDatabaseAndRetryItThemselves() {
		for (String name : List.of("api", "stream", "scheduler")) {
			Map<String, Object> service = this.compose.service(name);
			assertThat(map(map(service, "depends_on"), "db")).containsEntry("condition", "service_healthy");
			assertThat(map(service, "environment")).containsKey("SPRING_FLYWAY_CONNECT_RETRIES")
				.containsEntry("SPRING_DATASOURCE_URL",
						"jdbc:mysql://db:3306/video?sslMode=DISABLED&allowPublicKeyRetrieval=true");
			assertThat(list(service, "env_file")).containsExactly("deploy/compose.env");
			assertThat(list(map(service, "healthcheck"), "test")).containsExactly("CMD", "/app/healthcheck.sh");
		}
	}

	@Test
	void healthChecksAskTheUnpublishedManagementPortTheImageWasBuiltFor() {
		for (String name : List.of("api", "stream", "scheduler")) {
			Map<String, Object> service = this.compose.service(name);
			String management = string(map(service, "environment"), "MANAGEMENT_SERVER_PORT");
			assertThat(management).as(name)
				.isEqualTo(string(map(map(service, "build"), "args"), "MANAGEMENT_PORT"))
				.isNotEqualTo(string(map(service, "environment"), "SERVER_PORT"));
			assertThat(list(service, "ports").toString()).as(name).doesNotContain(management);
		}
		assertThat(Project.read(Project.ROOT.resolve("deploy/images/healthcheck.sh")))
			.contains("/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT");
	}

	@Test
	void streamAndSchedulerShareOneVideoVolumeAtVideoDir() {
		for (String name : List.of("stream", "scheduler")) {
			Map<String, Object> service = this.compose.service(name);
			String videoDir = string(map(service, "environment"), "VIDEO_DIR");
			assertThat(list(service, "volumes")).containsExactly("videos:" + videoDir);
		}
	}

	@Test
	void noVariableHasAnEmptyDefault() {
		// podman-compose 1.0.3 leaves ${NAME:-} unreplaced,
		// and Spring then fails on the placeholder.
		assertThat(Project.read(Project.ROOT.resolve("docker-compose.yml"))).doesNotContain(":-}");
	}

	@Test
	void onlyTheFrontIsPublishedAndItRoutesByTheSharedTable() {
		for (String name : List.of("db", "api", "stream", "scheduler")) {
			assertThat(this.compose.service(name)).as(name).doesNotContainKey("ports");
		}
		Map<String, Object> front = this.compose.service("front");
		assertThat(list(front, "ports")).map((p) -> ComposeFile.withDefaults(p.toString()))
			.containsExactly("8000:8080");
		assertThat(list(front, "volumes")).containsExactly("./deploy/front:/etc/nginx/video:ro");
		assertThat(list(front, "command")).containsSequence("-c", "/etc/nginx/video/compose.conf");
		String config = Project.read(Project.ROOT.resolve("deploy/front/compose.conf"));
		assertThat(config).contains("listen 8080;", "include routes.conf;", "include video-http.conf;",
				"server api:8000;", "server stream:9000;");
	}

	@Test
	void theWebUiFindsTheStreamServiceBehindTheFrontOnThePageHost() {
		String streamUrl = string(map(this.compose.service("api"), "environment"), "VIDEO_STREAM_URL");
		assertThat(FrontRoutes.load().routes()).containsEntry(streamUrl + "/*", "stream-service");
	}

	@Test
	void everyVariableIsReadByTheServiceItReaches() {
		Map<String, String> modules = Map.of("api", "api-service", "stream", "stream-service", "scheduler",
				"scheduler-service");
		modules.forEach((name, module) -> assertThat(Project.environmentOf(module)).as(name)
			.containsAll(map(this.compose.service(name), "environment").keySet()));
	}

	@Test
	void minioProfileHoldsTheBucketThatStreamAndSchedulerUseWithVideoStoreS3() {
		assertThat(list(this.compose.service("minio"), "profiles")).containsExactly("minio");
		assertThat(list(this.compose.service("minio-bucket"), "profiles")).containsExactly("minio");
		assertThat(this.compose.service("minio")).doesNotContainKey("ports");
		String bucketCommand = list(this.compose.service("minio-bucket"), "command").get(0).toString();
		assertThat(bucketCommand).contains("mc mb --ignore-existing \"local/$$VIDEO_S3_BUCKET\"");
		Map<String, Object> minio = map(this.compose.service("minio"), "environment");
		for (String name : List.of("stream", "scheduler")) {
			Map<String, Object> environment = map(this.compose.service(name), "environment");
			assertThat(environment).as(name)
				.containsEntry("VIDEO_STORE", "${VIDEO_STORE:-local}")
				.containsEntry("VIDEO_S3_ENDPOINT", "${VIDEO_S3_ENDPOINT:-http://minio:9000}")
				.containsEntry("VIDEO_S3_BUCKET",
						map(this.compose.service("minio-bucket"), "environment").get("VIDEO_S3_BUCKET"))
				.containsEntry("VIDEO_S3_ACCESS_KEY", minio.get("MINIO_ROOT_USER"))
				.containsEntry("VIDEO_S3_SECRET_KEY", minio.get("MINIO_ROOT_PASSWORD"));
		}
	}

	@Test
	void imagesAreBuiltFromTheOneDockerfileOnAnOverridableJre() {
		assertThat(this.compose.serviceImages()).containsOnlyKeys(Project.SERVICES)
			.allSatisfy((module, image) -> assertThat(image).isEqualTo("localhost/video/" + module));
		for (String name : List.of("api", "stream", "scheduler")) {
			assertThat(map(map(this.compose.service(name), "build"), "args")).containsEntry("JRE_IMAGE",
					"${JRE_IMAGE:-eclipse-temurin:17-jre}");
		}
		String dockerfile = Project.read(Project.ROOT.resolve("Dockerfile"));
		assertThat(dockerfile).contains("ARG JRE_IMAGE=eclipse-temurin:17-jre", "USER 10001", "EXPOSE ${PORT}",
				"HEALTHCHECK");
		assertThat(dockerfile.lines()).noneMatch((line) -> line.startsWith("USER root"));
	}

}
