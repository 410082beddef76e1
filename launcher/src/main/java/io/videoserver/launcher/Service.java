package io.videoserver.launcher;

import java.nio.file.Path;

/**
 * One of the site's Spring Boot applications as a child JVM runs it: which jar, which
 * ports, and the name its log lines are prefixed with.
 *
 * @param module the Maven module (and jar name) of the service
 * @param port the HTTP port it listens on
 * @param managementPort the port of its health probes and metrics
 */
public record Service(String module, int port, int managementPort) {

	static final String VERSION = "1.0.0-SNAPSHOT";

	/** The jar that {@code ./mvnw package} builds for the module. */
	public Path jar(Path projectRoot) {
		return projectRoot.resolve(this.module).resolve("target").resolve(this.module + "-" + VERSION + ".jar");
	}

	/** Where its clients reach it. */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Where its Actuator answers (health, metrics). */
	public String managementUrl() {
		return "http://127.0.0.1:" + this.managementPort;
	}

	String readinessUrl() {
		return managementUrl() + "/actuator/health/readiness";
	}

}
