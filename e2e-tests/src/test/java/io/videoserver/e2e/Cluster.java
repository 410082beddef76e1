package io.videoserver.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.videoserver.launcher.ServiceProcess;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import io.videoserver.shared.testdb.TestDatabaseServer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site of several replicas as an operator runs it on Kubernetes: two api-service, two
 * stream-service and two scheduler-service processes on one database and one video store,
 * behind one {@link Front} on one public host.
 */
final class Cluster implements AutoCloseable {

	/** How long an api replica may trust a cached session (the default is 10 s). */
	static final Duration SESSION_CACHE_TTL = Duration.ofSeconds(2);

	/**
	 * How long a killed stream replica's tus lease keeps the upload from other writers
	 * (423), shortened from the default so that the resume scenario waits seconds.
	 */
	static final Duration UPLOAD_LEASE_TTL = Duration.ofSeconds(3);

	static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private static final Path LOGS = Path.of("target", "e2e-logs", "cluster");

	private final TestDatabaseHandle database;

	private final List<ServiceProcess> apis;

	private final List<ServiceProcess> streams;

	private final List<ServiceProcess> schedulers;

	private final Front front;

	private final Path videoDir;

	private final String name;

	private final Map<String, String> env;

	private Cluster(TestDatabaseHandle database, List<ServiceProcess> apis, List<ServiceProcess> streams,
			List<ServiceProcess> schedulers, Front front, Path videoDir, String name, Map<String, String> env) {
		this.database = database;
		this.apis = apis;
		this.streams = streams;
		this.schedulers = new ArrayList<>(schedulers);
		this.front = front;
		this.videoDir = videoDir;
		this.name = name;
		this.env = Map.copyOf(env);
	}

	/**
	 * Starts the replicas and the front.
	 * @param name tells this site's logs apart from another's
	 * @param extraEnv further variables for every service (the S3 store's)
	 */
	static Cluster start(Path work, String name, Map<String, String> extraEnv)
			throws IOException, InterruptedException {
		return start(work, name, extraEnv, TestDatabaseServer.shared().createDatabase());
	}

	/**
	 * Starts the replicas and the front on a given database: a fault test's own
	 * ({@code StoppableDatabase}), which it may freeze or restart under the site.
	 */
	static Cluster start(Path work, String name, Map<String, String> extraEnv, TestDatabaseHandle database)
			throws IOException, InterruptedException {
		Path videoDir = Files.createDirectories(work.resolve("videos"));
		List<Integer> apiPorts = List.of(ServiceJars.freePort(), ServiceJars.freePort());
		List<Integer> streamPorts = List.of(ServiceJars.freePort(), ServiceJars.freePort());
		Front front = Front.start(Files.createDirectories(work.resolve("front")), apiPorts, streamPorts);
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", database.username());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		env.put("VIDEO_DIR", videoDir.toString());
		env.put("VIDEO_RATE_LIMIT", "0");
		env.put("VIDEO_STREAM_URL", "/stream");
		env.put("VIDEO_TRUSTED_PROXIES", "127.0.0.1");
		env.put("VIDEO_CORS_ORIGINS", front.url());
		env.put("VIDEO_UPLOAD_MAX_SIZE", "20MB");
		env.put("VIDEO_SESSION_CACHETTL", SESSION_CACHE_TTL.toMillis() + "ms");
		env.put("VIDEO_UPLOAD_LEASE_TTL", UPLOAD_LEASE_TTL.toMillis() + "ms");
		env.put("VIDEO_SCHEDULER_INTERVAL", "200ms");
		env.putAll(extraEnv);
		List<ServiceProcess> started = new ArrayList<>();
		try {
			// the first replica migrates the empty database before the others start
			ServiceProcess first = ServiceJars.start("api-service", name + "-api-1", apiPorts.get(0), env, LOGS);
			started.add(first);
			first.awaitReady(START_TIMEOUT);
			List<ServiceProcess> apis = List.of(first,
					track(started, ServiceJars.start("api-service", name + "-api-2", apiPorts.get(1), env, LOGS)));
			List<ServiceProcess> streams = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				streams.add(track(started, ServiceJars.start("stream-service", name + "-stream-" + (i + 1),
						streamPorts.get(i), env, LOGS)));
			}
			List<ServiceProcess> schedulers = new ArrayList<>();
			for (int i = 1; i <= 2; i++) {
				Map<String, String> scheduler = new HashMap<>(env);
				scheduler.put("VIDEO_SCHEDULER_REPLICA_ID", "scheduler-" + i);
				schedulers.add(track(started, ServiceJars.start("scheduler-service", name + "-scheduler-" + i,
						ServiceJars.freePort(), scheduler, LOGS)));
			}
			for (ServiceProcess process : started) {
				process.awaitReady(START_TIMEOUT);
			}
			return new Cluster(database, apis, streams, schedulers, front, videoDir, name, env);
		}
		catch (IOException | RuntimeException | InterruptedException ex) {
			for (ServiceProcess process : started) {
				process.close();
			}
			front.close();
			throw ex;
		}
	}

	private static ServiceProcess track(List<ServiceProcess> started, ServiceProcess process) {
		started.add(process);
		return process;
	}

	String url() {
		return this.front.url();
	}

	Front front() {
		return this.front;
	}

	List<ServiceProcess> apis() {
		return this.apis;
	}

	List<ServiceProcess> streams() {
		return this.streams;
	}

	List<ServiceProcess> schedulers() {
		return this.schedulers;
	}

	/**
	 * Starts one more scheduler replica on the site's database and store, with further
	 * variables (a fault test's transcoding replicas); the caller awaits its readiness.
	 */
	ServiceProcess startScheduler(String replicaId, Map<String, String> extraEnv)
			throws IOException, InterruptedException {
		Map<String, String> scheduler = new HashMap<>(this.env);
		scheduler.put("VIDEO_SCHEDULER_REPLICA_ID", replicaId);
		scheduler.putAll(extraEnv);
		ServiceProcess process = ServiceJars.start("scheduler-service", this.name + "-" + replicaId,
				ServiceJars.freePort(), scheduler, LOGS);
		this.schedulers.add(process);
		return process;
	}

	/** The stream replica listening on a port. */
	ServiceProcess stream(int port) {
		return this.streams.stream()
			.filter((s) -> s.service().port() == port)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No stream replica on " + port));
	}

	Path videoDir() {
		return this.videoDir;
	}

	JdbcClient jdbc() {
		return JdbcClient.create(this.database.dataSource());
	}

	@Override
	public void close() throws InterruptedException {
		for (List<ServiceProcess> replicas : List.of(this.schedulers, this.streams, this.apis)) {
			for (ServiceProcess process : replicas) {
				process.close();
			}
		}
		this.front.close();
	}

}
