package io.videoserver.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its built jar in a child JVM, as an operator would run it:
 * configured by environment variables alone, its output in a log file under target/. The
 * launcher module has a similar class, but it is package-private to the launcher's main
 * code and not on this module's classpath.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final int managementPort;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, int port, int managementPort, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.process = process;
		this.log = log;
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
		Path root = Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
		String version = System.getProperty("e2e.version", "1.0.0-SNAPSHOT");
		Path built = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
		Path jar = Path.of(System.getProperty("e2e.jar." + module, built.toString()));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Build " + module + " first: " + jar + " is missing");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		Files.createDirectories(logDir);
		Path log = logDir.resolve(logName + ".log");
		ProcessBuilder builder = new ProcessBuilder(
				List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		int managementPort = freePort();
		builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
		return new ServiceProcess(module, port, managementPort, builder.start(), log);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The Actuator's address (health, metrics): the management port, free per start.
	 */
	String managementUrl() {
		return "http://127.0.0.1:" + this.managementPort;
	}

	String log() throws IOException {
		return Files.readString(this.log, StandardCharsets.UTF_8);
	}

	/**
	 * Waits until the readiness probe answers 200.
	 * @param timeout how long the service may take to start
	 */
	void awaitReady(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() - deadline < 0) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout + ":\n" + tail());
	}

	private String tail() throws IOException {
		String text = log();
		return text.substring(Math.max(0, text.length() - 4000));
	}

	/**
	 * Kills the JVM as a crash or the kernel's OOM killer would (SIGKILL): no shutdown
	 * hook, no finally block runs.
	 */
	void kill() throws InterruptedException {
		if (!this.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " survived SIGKILL");
		}
	}

	/**
	 * Asks the JVM to stop (SIGTERM), as an orchestrator does, and waits for it to exit.
	 * @param limit how long it may take; longer is a hang, and the JVM is then killed
	 * @return how long it took to exit
	 */
	Duration terminate(Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		this.process.destroy();
		if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			kill();
			throw new IllegalStateException(this.name + " did not exit within " + limit + " of SIGTERM");
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
	}

}
