package io.videoserver.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.videoserver.launcher.Service;
import io.videoserver.launcher.ServiceProcess;

/**
 * Starts a service from its built jar in a child JVM, as an operator would run it,
 * configured by environment variables alone, through the launcher's
 * {@link ServiceProcess}; the tests read its output from a log file under target/.
 */
final class ServiceJars {

	/** A small heap and quick start-up: the tests run several services at once. */
	private static final String JAVA_OPTIONS = "-Xmx256m -XX:TieredStopAtLevel=1";

	private ServiceJars() {
	}

	static ServiceProcess start(String module, int port, Map<String, String> environment, Path logDir)
			throws IOException {
		return start(module, module, port, environment, logDir);
	}

	/**
	 * Starts a service whose output goes to {@code logName.log}, for a test that starts
	 * the same module more than once and wants to read each run's log.
	 */
	static ServiceProcess start(String module, String logName, int port, Map<String, String> environment, Path logDir)
			throws IOException {
		return start(new Service(module, port, freePortBut(port)), logName, environment, logDir);
	}

	/**
	 * Starts a service on the given ports again, as a supervisor restarts a crashed one:
	 * a port picked afresh could be the one the crashed service has just freed.
	 */
	static ServiceProcess restart(Service service, String logName, Map<String, String> environment, Path logDir)
			throws IOException {
		return start(service, logName, environment, logDir);
	}

	private static ServiceProcess start(Service service, String logName, Map<String, String> environment, Path logDir)
			throws IOException {
		String module = service.module();
		Path root = Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
		Path jar = Path.of(System.getProperty("e2e.jar." + module, service.jar(root).toString()));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Build " + module + " first: " + jar + " is missing");
		}
		Map<String, String> childEnvironment = new HashMap<>(System.getenv());
		childEnvironment.putAll(environment);
		childEnvironment.put("VIDEO_SERVICE_JAVA_OPTS", JAVA_OPTIONS);
		Files.createDirectories(logDir);
		return ServiceProcess.start(service, jar, childEnvironment, logDir.resolve(logName + ".log"));
	}

	/** A free port other than the one given, which its service has not bound yet. */
	private static int freePortBut(int taken) {
		int port = freePort();
		while (port == taken) {
			port = freePort();
		}
		return port;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
