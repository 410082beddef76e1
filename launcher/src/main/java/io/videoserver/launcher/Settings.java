package io.videoserver.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the launcher reads from its environment, so that a newcomer needs no file at all
 * and an operator can still point the site at a real database or other ports.
 *
 * @param projectRoot the clone whose {@code <module>/target} jars are started
 * @param dataDir where the embedded database, the videos and the internal token live
 * @param externalDatabaseUrl {@code SPRING_DATASOURCE_URL} when set: no embedded database
 * @param startTimeout how long the services may take to become ready
 * @param apiPort the api-service's port (the web UI)
 * @param streamPort the stream-service's port
 * @param schedulerPort the scheduler-service's port
 * @param managementPorts the management ports (health, metrics) of the three services, in
 * the same order
 */
record Settings(Path projectRoot, Path dataDir, @Nullable String externalDatabaseUrl, Duration startTimeout,
		int apiPort, int streamPort, int schedulerPort, List<Integer> managementPorts) {

	static Settings from(Map<String, String> env) {
		Path root = projectRoot(env);
		String dataDir = env.get("VIDEO_DATA_DIR");
		Path data = (dataDir != null && !dataDir.isBlank()) ? Path.of(dataDir) : root.resolve("data");
		String url = env.get("SPRING_DATASOURCE_URL");
		return new Settings(root, data.toAbsolutePath().normalize(), (url == null || url.isBlank()) ? null : url,
				Duration.ofSeconds(number(env, "VIDEO_LAUNCHER_START_TIMEOUT", 300)),
				number(env, "VIDEO_LAUNCHER_API_PORT", 8000), number(env, "VIDEO_LAUNCHER_STREAM_PORT", 9000),
				number(env, "VIDEO_LAUNCHER_SCHEDULER_PORT", 9001),
				List.of(number(env, "VIDEO_LAUNCHER_API_MANAGEMENT_PORT", 8081),
						number(env, "VIDEO_LAUNCHER_STREAM_MANAGEMENT_PORT", 9081),
						number(env, "VIDEO_LAUNCHER_SCHEDULER_MANAGEMENT_PORT", 9082)));
	}

	List<Service> services() {
		return List.of(new Service("api-service", this.apiPort, this.managementPorts.get(0)),
				new Service("stream-service", this.streamPort, this.managementPorts.get(1)),
				new Service("scheduler-service", this.schedulerPort, this.managementPorts.get(2)));
	}

	private static int number(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
		}
	}

	/**
	 * The clone is found from the launcher's own jar ({@code <root>/launcher/target}), so
	 * the command works from any working directory; {@code VIDEO_HOME} overrides it.
	 */
	private static Path projectRoot(Map<String, String> env) {
		String home = env.get("VIDEO_HOME");
		if (home != null && !home.isBlank()) {
			return Path.of(home).toAbsolutePath().normalize();
		}
		Path jar = Path.of(System.getProperty("java.class.path", "")).toAbsolutePath().normalize();
		Path target = jar.getParent();
		Path module = (target != null) ? target.getParent() : null;
		Path root = (module != null) ? module.getParent() : null;
		if (jar.toString().endsWith(".jar") && root != null && Files.isRegularFile(root.resolve("pom.xml"))) {
			return root;
		}
		return Path.of("").toAbsolutePath();
	}

}
