package io.videoserver.launcher.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clone the tests check (Surefire runs in the launcher module's directory), and what
 * its services read from the environment, so deployment files can be held against it.
 */
final class Project {

	static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	static final List<String> SERVICES = List.of("api-service", "stream-service", "scheduler-service");

	/** Read by every service through Spring Boot itself or by the image's entrypoint. */
	private static final Set<String> COMMON = Set.of("SERVER_PORT", "SPRING_DATASOURCE_URL",
			"SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SPRING_FLYWAY_CONNECT_RETRIES",
			"SPRING_FLYWAY_CONNECT_RETRIES_INTERVAL", "JAVA_OPTS");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private Project() {
	}

	/**
	 * The environment variables a service reads: its application.yml placeholders plus
	 * Spring Boot's own.
	 * @param module the service's module
	 * @return the variable names
	 */
	static Set<String> environmentOf(String module) {
		Set<String> names = new HashSet<>(COMMON);
		// each service's own settings, and those every
		// service imports from the shared module
		for (Path file : List.of(ROOT.resolve(module).resolve("src/main/resources/application.yml"),
				ROOT.resolve("shared/src/main/resources/video-shared.yml"))) {
			Matcher matcher = PLACEHOLDER.matcher(read(file));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object parent, String key) {
		Object value = ((Map<String, Object>) parent).get(key);
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object parent, String key) {
		Object value = ((Map<String, Object>) parent).get(key);
		return (value != null) ? (List<Object>) value : List.of();
	}

	static String string(Object parent, String key) {
		Object value = ((Map<?, ?>) parent).get(key);
		return (value != null) ? value.toString() : "";
	}

}
