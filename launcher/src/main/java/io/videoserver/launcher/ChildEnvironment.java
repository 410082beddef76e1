package io.videoserver.launcher;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment each service is started with: the launcher's own, plus the database,
 * video directory and internal token that make the three services one site. Variables the
 * user set win, so the same command also runs against a real database.
 */
final class ChildEnvironment {

	private ChildEnvironment() {
	}

	static Map<String, String> of(Map<String, String> inherited, Settings settings, String jdbcUrl,
			String internalToken, boolean embedded) {
		Map<String, String> env = new HashMap<>(inherited);
		// One SERVER_PORT (or MANAGEMENT_SERVER_PORT) for three services would start only
		// one of them; each gets its own.
		env.remove("SERVER_PORT");
		env.remove("MANAGEMENT_SERVER_PORT");
		env.put("SPRING_DATASOURCE_URL", jdbcUrl);
		if (embedded) {
			env.put("SPRING_DATASOURCE_USERNAME", "root");
			env.put("SPRING_DATASOURCE_PASSWORD", "");
		}
		env.put("VIDEO_DIR", videoDir(inherited, settings));
		env.putIfAbsent("VIDEO_INTERNAL_TOKEN", internalToken);
		// On a busy machine the first connection can take longer than the
		// pool's 3 s timeout: Flyway runs first at start-up, so its retries
		// keep a slow start from being fatal.
		env.putIfAbsent("SPRING_FLYWAY_CONNECT_RETRIES", "60");
		env.putIfAbsent("SPRING_FLYWAY_CONNECT_RETRIES_INTERVAL", "5s");
		if (settings.apiPort() != 8000) {
			env.putIfAbsent("VIDEO_CORS_ORIGINS",
					"http://localhost:" + settings.apiPort() + ",http://127.0.0.1:" + settings.apiPort());
		}
		if (settings.streamPort() != 9000) {
			env.putIfAbsent("VIDEO_STREAM_URL", "http://localhost:" + settings.streamPort());
		}
		return env;
	}

	static String videoDir(Map<String, String> inherited, Settings settings) {
		String dir = inherited.get("VIDEO_DIR");
		return (dir != null && !dir.isBlank()) ? dir : settings.dataDir().resolve("videos").toString();
	}

}
