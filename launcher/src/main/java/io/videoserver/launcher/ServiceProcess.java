package io.videoserver.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service in its own JVM, so that the three applications keep their own classpath and
 * application.yml exactly as when they run alone; its output goes to the console prefixed
 * with its name.
 */
final class ServiceProcess {

	private static final Logger log = LoggerFactory.getLogger("launcher");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Service service;

	private final Process process;

	private final Thread pump;

	private ServiceProcess(Service service, Process process, Thread pump) {
		this.service = service;
		this.process = process;
		this.pump = pump;
	}

	static ServiceProcess start(Service service, Path jar, Map<String, String> environment, PrintStream console)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		String javaOptions = environment.get("VIDEO_SERVICE_JAVA_OPTS");
		if (javaOptions != null && !javaOptions.isBlank()) {
			command.addAll(List.of(javaOptions.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(service.port()));
		builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(service.managementPort()));
		Process process = builder.start();
		Thread pump = new Thread(() -> forward(process, "[" + service.module() + "] ", console),
				service.module() + "-log");
		pump.setDaemon(true);
		pump.start();
		return new ServiceProcess(service, process, pump);
	}

	// The child's output is the product here:
	// copied line by line to the launcher's console.
	private static void forward(Process process, String prefix, PrintStream console) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				console.println(prefix + line);
			}
		}
		catch (IOException ex) {
			// the child is gone; its exit is reported by the launcher
		}
	}

	Service service() {
		return this.service;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Whether the service answers 200 on its readiness probe now.
	 * @return {@code true} once the service takes traffic
	 */
	boolean isReady() {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.service.readinessUrl()))
				.timeout(Duration.ofSeconds(2))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Asks the service to stop: SIGTERM, which starts Spring Boot's graceful shutdown.
	 */
	void requestStop() {
		this.process.destroy();
	}

	/**
	 * Waits for the service to stop, and kills it only when it has not stopped in time.
	 * @param grace how long a graceful shutdown may take
	 */
	void awaitStop(Duration grace) {
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("{} did not stop within {}s, killing it", this.service.module(), grace.toSeconds());
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
			// its last lines (the graceful shutdown)
			// are still on their way to the console
			this.pump.join(2000);
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
