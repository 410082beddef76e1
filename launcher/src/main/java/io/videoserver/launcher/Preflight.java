package io.videoserver.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The two mistakes a newcomer makes most (services not built, a site already running) are
 * told in one plain sentence before anything starts, instead of in three stack traces.
 */
final class Preflight {

	private Preflight() {
	}

	/**
	 * Checks that every service jar exists and every port is free.
	 * @param settings the launcher's settings
	 * @param services the services to start
	 * @return what is wrong, or {@code null} when the site can start
	 */
	static @Nullable String check(Settings settings, List<Service> services) {
		for (Service service : services) {
			Path jar = service.jar(settings.projectRoot());
			if (!Files.isRegularFile(jar)) {
				return jar + " is missing: build the services first with ./mvnw -q package -DskipTests"
						+ " (or use ./run.sh, which does it)";
			}
		}
		for (Service service : services) {
			for (int port : new int[] { service.port(), service.managementPort() }) {
				if (!isFree(port)) {
					return "Port " + port + " (" + service.module() + ") is in use: is the site already"
							+ " running? Stop it, or choose other ports (see README)";
				}
			}
		}
		return null;
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
