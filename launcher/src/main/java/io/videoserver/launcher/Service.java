package io.videoserver.launcher;

import java.nio.file.Path;

/**
 * One of the site's Spring Boot applications as the launcher starts it: which jar, which
 * ports, and the name its log lines are prefixed with.
 *
 * @param module the Maven module (and jar name) of the service
 * @param port the HTTP port it listens on
 * @param managementPort the port of its health probes and metrics
 */
record Service(String module, int port, int managementPort) {

	static final String VERSION = "1.0.0-SNAPSHOT";

	Path jar(Path projectRoot) {
		return projectRoot.resolve(this.module).resolve("target").resolve(this.module + "-" + VERSION + ".jar");
	}

	String readinessUrl() {
		return "http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness";
	}

}
