package io.videoserver.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service in its own JVM, so that the three applications keep their own classpath and
 * application.yml exactly as when they run alone, configured by environment variables
 * alone; the launcher and the end-to-end tests both run the services through it.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger("launcher");

	private final Service service;

	private final Process process;

	private final @Nullable Thread pump;

	private final @Nullable Path logFile;

	private ServiceProcess(Service service, Process process, @Nullable Thread pump, @Nullable Path logFile) {
		this.service = service;
		this.process = process;
		this.pump = pump;
		this.logFile = logFile;
	}

	/**
	 * Starts the service with its output on the console, each line prefixed;
	 * {@code launch} names what the JVM runs ({@link StartupArchive#launch()}).
	 */
	static ServiceProcess start(Service service, List<String> launch, Map<String, String> environment,
			PrintStream console) throws IOException {
		Process process = ServiceCommand.of(service, launch, environment).start();
		return new ServiceProcess(service, process, ConsoleForwarder.start(process, service.module(), console), null);
	}

	/** Starts the service with its output in a file, for a caller that reads it back. */
	public static ServiceProcess start(Service service, Path jar, Map<String, String> environment, Path logFile)
			throws IOException {
		Process process = ServiceCommand.of(service, jar, environment).redirectOutput(logFile.toFile()).start();
		return new ServiceProcess(service, process, null, logFile);
	}

	public Service service() {
		return this.service;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	boolean isReady() {
		return ReadinessProbe.isReady(this.service);
	}

	/** Waits until the readiness probe answers 200, or fails with the end of the log. */
	public void awaitReady(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isReady()) {
			if (!isAlive()) {
				throw new IllegalStateException(name() + " exited with " + exitValue() + ":\n" + tail());
			}
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException(name() + " was not ready within " + timeout + ":\n" + tail());
			}
			Thread.sleep(250);
		}
	}

	/** Everything the service has written, when its output goes to a file. */
	public String log() throws IOException {
		if (this.logFile == null) {
			throw new IllegalStateException(name() + " writes to the console");
		}
		return Files.readString(this.logFile, StandardCharsets.UTF_8);
	}

	private String tail() throws IOException {
		String text = (this.logFile != null) ? log() : "(see its log above)";
		return text.substring(Math.max(0, text.length() - 4000));
	}

	/**
	 * Asks the service to stop: SIGTERM, which starts Spring Boot's graceful shutdown.
	 */
	public void requestStop() {
		this.process.destroy();
	}

	/**
	 * Waits for the service to stop, and kills it only when it has not stopped in time.
	 * @param grace how long a graceful shutdown may take
	 */
	public void awaitStop(Duration grace) {
		try {
			if (!awaitExit(grace)) {
				log.warn("{} did not stop within {}s, killing it", name(), grace.toSeconds());
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
			if (this.pump != null) {
				// its last lines (the graceful shutdown) are still on their way
				this.pump.join(2000);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** Whether the JVM exits within the limit, whatever made it exit. */
	public boolean awaitExit(Duration limit) throws InterruptedException {
		return this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Kills the JVM as a crash or the kernel's OOM killer would (SIGKILL): no shutdown
	 * hook, no finally block runs.
	 */
	public void kill() throws InterruptedException {
		if (!this.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS)) {
			throw new IllegalStateException(name() + " survived SIGKILL");
		}
	}

	/** Stops the service gracefully, or kills it after 20 seconds. */
	@Override
	public void close() {
		requestStop();
		awaitStop(Duration.ofSeconds(20));
	}

	private String name() {
		return this.service.module();
	}

}
