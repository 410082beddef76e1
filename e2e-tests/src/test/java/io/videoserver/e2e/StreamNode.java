package io.videoserver.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.videoserver.launcher.ServiceProcess;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import io.videoserver.shared.testdb.TestDatabaseServer;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stream-service alone on a fresh real database and a video directory that outlives
 * the process, so that a test can crash or stop it and start it again on the same files.
 */
final class StreamNode implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern IN_USE = Pattern
		.compile("(?m)^video_stream_connections_in_use(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

	private final TestDatabaseHandle database;

	private final JdbcClient jdbc;

	private final Path videos;

	private @Nullable ServiceProcess process;

	private int runs;

	private StreamNode(TestDatabaseHandle database, Path videos) {
		this.database = database;
		this.jdbc = JdbcClient.create(database.dataSource());
		this.videos = videos;
	}

	static StreamNode create(Path videos) {
		return new StreamNode(TestDatabaseServer.shared().createDatabase(), videos);
	}

	/**
	 * Starts the service on a new port with the production settings but for the given
	 * variables, and waits until it is ready.
	 */
	ServiceProcess start(String logName, Map<String, String> settings) throws IOException, InterruptedException {
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_DATASOURCE_URL", this.database.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", this.database.username());
		env.put("SPRING_DATASOURCE_PASSWORD", this.database.password());
		env.put("VIDEO_DIR", this.videos.toString());
		env.putAll(settings);
		this.runs++;
		this.process = ServiceJars.start("stream-service", logName + "-" + this.runs, ServiceJars.freePort(), env,
				Path.of("target", "e2e-logs", "faults"));
		this.process.awaitReady(Duration.ofSeconds(150));
		return this.process;
	}

	private ServiceProcess process() {
		if (this.process == null) {
			throw new IllegalStateException("Not started");
		}
		return this.process;
	}

	int port() {
		return process().service().port();
	}

	/** A user with a live session, written straight into the tables api-service owns. */
	Owner seedOwner(String name) {
		this.jdbc.sql("INSERT INTO users (login_name, pwd) VALUES (:name, 'not a password hash')")
			.param("name", name)
			.update();
		String session = UUID.randomUUID().toString();
		this.jdbc.sql("""
				INSERT INTO sessions (session_id, login_name, expires_at)
				VALUES (:session, :name, TIMESTAMPADD(HOUR, 1, NOW(3)))""")
			.param("session", session)
			.param("name", name)
			.update();
		return new Owner(name, session);
	}

	/** A video row owned by the owner, without a file yet. */
	String seedVideo(Owner owner) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				INSERT INTO video_info (id, author_id, name, display_ctime)
				SELECT :id, id, 'fault test', '' FROM users WHERE login_name = :name""")
			.param("id", id)
			.param("name", owner.name())
			.update();
		return id;
	}

	Path file(String vid) {
		return this.videos.resolve(vid);
	}

	/** The uploads in progress or abandoned: every {@code *.part} file. */
	List<Path> partFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.videos)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".part")).toList();
		}
	}

	HttpResponse<byte[]> get(String vid, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/videos/" + vid)))
			.timeout(Duration.ofSeconds(10));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> put(Owner owner, String vid, byte[] body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url("/videos/" + vid)))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "video/mp4")
			.header("X-Session-Id", owner.sessionId())
			.header("X-User-Name", owner.name())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The connection limiter's permits in use, as the Prometheus endpoint shows them. */
	double connectionsInUse() throws IOException, InterruptedException {
		String metrics = http
			.send(HttpRequest.newBuilder(URI.create(process().service().managementUrl() + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = IN_USE.matcher(metrics);
		if (!matcher.find()) {
			throw new IllegalStateException("No video_stream_connections_in_use in\n" + metrics);
		}
		return Double.parseDouble(matcher.group(1));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null) {
			this.process.close();
		}
	}

	/**
	 * A user with a session.
	 *
	 * @param name the login name
	 * @param sessionId the session id
	 */
	record Owner(String name, String sessionId) {

		/** The header lines that authenticate an upload, for a raw request. */
		String headerLines() {
			return "X-Session-Id: " + this.sessionId + "\r\nX-User-Name: " + this.name + "\r\n";
		}

	}

}
