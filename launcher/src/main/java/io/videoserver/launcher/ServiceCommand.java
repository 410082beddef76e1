package io.videoserver.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of a service's child JVM: this JVM's own {@code java},
 * Spring's AOT mode, the options in {@code VIDEO_SERVICE_JAVA_OPTS}, what to run (the
 * jar, or its class archive and extracted jar), and the service's two ports over the
 * given environment, which is the child's whole environment.
 */
final class ServiceCommand {

	/**
	 * Runs the bean definitions that the build generated (each service's
	 * {@code process-aot}) instead of scanning and evaluating conditions at every start;
	 * before {@code VIDEO_SERVICE_JAVA_OPTS}, whose {@code -Dspring.aot.enabled=false}
	 * wins.
	 */
	static final String AOT_MODE = "-Dspring.aot.enabled=true";

	private ServiceCommand() {
	}

	static ProcessBuilder of(Service service, Path jar, Map<String, String> environment) {
		return of(service, List.of("-jar", jar.toString()), environment);
	}

	/** The command with the given JVM arguments in place of {@code -jar <jar>}. */
	static ProcessBuilder of(Service service, List<String> launch, Map<String, String> environment) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add(AOT_MODE);
		String javaOptions = environment.get("VIDEO_SERVICE_JAVA_OPTS");
		if (javaOptions != null && !javaOptions.isBlank()) {
			command.addAll(List.of(javaOptions.trim().split("\\s+")));
		}
		command.addAll(launch);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(service.port()));
		builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(service.managementPort()));
		return builder;
	}

}
