package io.videoserver.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.vorburger.exec.ManagedProcessException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole site on one machine: it starts the database and the services in order,
 * watches them, and stops them the other way round (services first, then the database)
 * exactly once, whether on Ctrl-C or because one of them died.
 */
final class Site {

	private static final Logger log = LoggerFactory.getLogger("launcher");

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final Settings settings;

	private final PrintStream console;

	private final List<ServiceProcess> services = new ArrayList<>();

	private final Map<Service, StartupArchive> archives = new LinkedHashMap<>();

	private final ArchiveTrainer trainer = new ArchiveTrainer();

	private @Nullable EmbeddedDatabase database;

	/**
	 * Set by {@link #stop}, so that the children it stops are not reported as failures.
	 */
	private volatile boolean stopped;

	Site(Settings settings, PrintStream console) {
		this.settings = settings;
		this.console = console;
	}

	/**
	 * Starts everything, prints the address once the site is ready, and returns only when
	 * a service has died (or never became ready).
	 * @return the exit code for the launcher
	 */
	int run() throws Exception {
		List<Service> all = this.settings.services();
		String problem = Preflight.check(this.settings, all);
		if (problem != null) {
			log.error(problem);
			return 2;
		}
		Files.createDirectories(this.settings.dataDir());
		String jdbcUrl = this.settings.externalDatabaseUrl();
		if (jdbcUrl == null) {
			log.info("Starting the embedded MariaDB (data in {})", this.settings.dataDir().resolve("db"));
			this.database = startDatabase();
			jdbcUrl = this.database.jdbcUrl();
		}
		else {
			log.info("Using the database at SPRING_DATASOURCE_URL; no embedded MariaDB");
		}
		Map<String, String> environment = ChildEnvironment.of(System.getenv(), this.settings, jdbcUrl,
				InternalToken.load(this.settings.dataDir()), this.database != null);
		for (Service service : all) {
			if (!launch(service, environment)) {
				return 1;
			}
		}
		if (!awaitReady()) {
			return 1;
		}
		announce();
		this.trainer.trainInBackground(this.archives, environment);
		return awaitFirstExit();
	}

	private synchronized EmbeddedDatabase startDatabase() throws Exception {
		return EmbeddedDatabase.start(this.settings.dataDir());
	}

	// Synchronized with stop(): a Ctrl-C during start-up must not leave a child behind.
	private synchronized boolean launch(Service service, Map<String, String> environment) throws IOException {
		if (this.stopped) {
			return false;
		}
		StartupArchive archive = StartupArchive.of(service.jar(this.settings.projectRoot()), Runtime.version());
		this.archives.put(service, archive);
		this.services.add(ServiceProcess.start(service, archive.launch(), environment, this.console));
		return true;
	}

	private boolean awaitReady() throws InterruptedException {
		Instant deadline = Instant.now().plus(this.settings.startTimeout());
		List<ServiceProcess> waiting = new ArrayList<>(this.services);
		while (!waiting.isEmpty()) {
			for (ServiceProcess service : List.copyOf(waiting)) {
				if (!service.isAlive()) {
					log.error("{} exited with code {} while starting; see its log above", service.service().module(),
							service.exitValue());
					return false;
				}
				if (service.isReady()) {
					log.info("{} is ready on port {}", service.service().module(), service.service().port());
					waiting.remove(service);
				}
			}
			if (Instant.now().isAfter(deadline)) {
				log.error("Not ready after {}s: {}", this.settings.startTimeout().toSeconds(),
						waiting.stream().map((s) -> s.service().module()).toList());
				return false;
			}
			Thread.sleep(500);
		}
		return true;
	}

	private void announce() {
		String videos = ChildEnvironment.videoDir(System.getenv(), this.settings);
		this.console.println();
		this.console.println("  The video site is running. Open http://localhost:" + this.settings.apiPort() + "/");
		this.console.println("  Data: " + ((this.database != null) ? this.settings.dataDir().resolve("db")
				: "the database at SPRING_DATASOURCE_URL") + " and videos in " + videos);
		this.console.println("  Press Ctrl-C to stop.");
		this.console.println();
	}

	private int awaitFirstExit() throws InterruptedException {
		while (true) {
			for (ServiceProcess service : this.services) {
				if (!service.isAlive()) {
					if (this.stopped) {
						return 0; // stopped by stop(), which is not a failure
					}
					log.error("{} stopped with code {}; stopping the site", service.service().module(),
							service.exitValue());
					return 1;
				}
			}
			Thread.sleep(1000);
		}
	}

	/**
	 * Stops the services (asked at once, each given {@link #GRACE}), then the database.
	 */
	synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		this.trainer.stop();
		if (!this.services.isEmpty()) {
			log.info("Stopping the services");
			this.services.forEach(ServiceProcess::requestStop);
			this.services.forEach((service) -> service.awaitStop(GRACE));
		}
		if (this.database != null) {
			log.info("Stopping the embedded MariaDB");
			try {
				this.database.stop();
			}
			catch (ManagedProcessException | RuntimeException ex) {
				log.warn("The embedded MariaDB did not stop cleanly: {}", ex.getMessage());
			}
		}
		log.info("Stopped");
	}

}
