package io.videoserver.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.videoserver.launcher.ServiceProcess;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import io.videoserver.shared.testdb.TestDatabaseServer;
import org.jspecify.annotations.Nullable;

/**
 * The api-service and the stream-service on random ports and a fresh real database,
 * configured the way the README tells an operator to: by environment variables.
 */
final class Site implements AutoCloseable {

	/** Small enough that a test can exceed it; the test clip is about 47 KB. */
	static final int UPLOAD_LIMIT_KB = 200;

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final Pattern ID = Pattern.compile("\"(?:id|session_id)\"\\s*:\\s*\"([^\"]+)\"");

	private final ServiceProcess api;

	private ServiceProcess stream;

	private final Path accessLogs;

	private final TestDatabaseHandle database;

	private final Map<String, String> env;

	private @Nullable ServiceProcess scheduler;

	private Site(TestDatabaseHandle database, ServiceProcess api, ServiceProcess stream, Path accessLogs,
			Map<String, String> env) {
		this.database = database;
		this.api = api;
		this.stream = stream;
		this.accessLogs = accessLogs;
		this.env = env;
	}

	static Site start(Path work) throws IOException, InterruptedException {
		return start(work, Map.of());
	}

	/**
	 * Starts the site with more environment variables for both services (the S3 store's).
	 */
	static Site start(Path work, Map<String, String> extraEnv) throws IOException, InterruptedException {
		TestDatabaseHandle database = TestDatabaseServer.shared().createDatabase();
		int apiPort = ServiceJars.freePort();
		int streamPort = ServiceJars.freePort();
		Path accessLogs = Files.createDirectories(work.resolve("stream-access"));
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", database.username());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		env.put("VIDEO_DIR", Files.createDirectories(work.resolve("videos")).toString());
		env.put("VIDEO_RATE_LIMIT", "0");
		env.put("VIDEO_STREAM_URL", "http://127.0.0.1:" + streamPort);
		env.put("VIDEO_CORS_ORIGINS", "http://127.0.0.1:" + apiPort + ",http://localhost:" + apiPort);
		env.put("VIDEO_UPLOAD_MAX_SIZE", UPLOAD_LIMIT_KB + "KB");
		env.putAll(extraEnv);
		Path logs = Path.of("target", "e2e-logs");
		ServiceProcess api = ServiceJars.start("api-service", apiPort, env, logs);
		// One after the other: two services migrating an empty database at
		// the same moment can collide on Flyway's history table (reported,
		// not this module's to fix).
		try {
			api.awaitReady(Duration.ofSeconds(150));
		}
		catch (IOException | RuntimeException | InterruptedException ex) {
			api.close();
			throw ex;
		}
		// The stream-service's access log is how the tests
		// see which status the player got.
		env.put("SERVER_TOMCAT_ACCESSLOG_ENABLED", "true");
		env.put("SERVER_TOMCAT_ACCESSLOG_DIRECTORY", accessLogs.toAbsolutePath().toString());
		env.put("SERVER_TOMCAT_ACCESSLOG_PATTERN", "%m %U %s %{Range}i");
		env.put("SERVER_TOMCAT_ACCESSLOG_BUFFERED", "false");
		ServiceProcess stream;
		try {
			stream = ServiceJars.start("stream-service", streamPort, env, logs);
			stream.awaitReady(Duration.ofSeconds(150));
		}
		catch (IOException | RuntimeException | InterruptedException ex) {
			api.close();
			throw ex;
		}
		return new Site(database, api, stream, accessLogs, env);
	}

	/**
	 * Crashes the stream-service (SIGKILL) and starts it again on the same ports and
	 * files, as a supervisor would after a crash.
	 */
	void crashAndRestartStream() throws IOException, InterruptedException {
		this.stream.kill();
		this.stream = ServiceJars.restart(this.stream.service(), "stream-service-restarted", this.env,
				Path.of("target", "e2e-logs"));
		this.stream.awaitReady(Duration.ofSeconds(150));
	}

	/** Where the stream-service keeps its files. */
	Path videoDir() {
		return Path.of(this.env.get("VIDEO_DIR"));
	}

	/**
	 * Starts the scheduler-service on the site's database and store, so that deleted
	 * videos' files are removed.
	 */
	void startScheduler() throws IOException, InterruptedException {
		Map<String, String> env = new HashMap<>(this.env);
		env.put("VIDEO_SCHEDULER_INTERVAL", "200ms");
		this.scheduler = ServiceJars.start("scheduler-service", ServiceJars.freePort(), env,
				Path.of("target", "e2e-logs"));
		this.scheduler.awaitReady(Duration.ofSeconds(150));
	}

	String url() {
		return this.api.service().url();
	}

	String streamUrl() {
		return this.stream.service().url();
	}

	int streamPort() {
		return this.stream.service().port();
	}

	/**
	 * What the stream-service answered, a line per request: method, path, status, Range.
	 */
	String streamAccessLog() throws IOException {
		StringBuilder text = new StringBuilder();
		try (var files = Files.list(this.accessLogs)) {
			for (Path file : files.toList()) {
				text.append(Files.readString(file));
			}
		}
		return text.toString();
	}

	/**
	 * Registers a user and uploads videos for them over HTTP, as a curl user would, so
	 * that pages have something to show.
	 * @return the videos' ids
	 */
	List<String> seedVideos(String userName, byte[] mp4, String... titles) throws IOException, InterruptedException {
		String session = match(send(HttpRequest.newBuilder(URI.create(url() + "/user"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(userName)))));
		List<String> ids = new ArrayList<>();
		for (String title : titles) {
			String id = match(send(HttpRequest.newBuilder(URI.create(url() + "/user/" + userName + "/videos"))
				.header("Content-Type", "application/json")
				.header("X-Session-Id", session)
				.header("X-User-Name", userName)
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + title + "\"}"))));
			send(HttpRequest.newBuilder(URI.create(streamUrl() + "/videos/" + id))
				.header("Content-Type", "video/mp4")
				.header("X-Session-Id", session)
				.header("X-User-Name", userName)
				.PUT(HttpRequest.BodyPublishers.ofByteArray(mp4)));
			ids.add(id);
		}
		return ids;
	}

	/**
	 * The status of the api-service's answer to an anonymous GET (a check behind the UI).
	 */
	int status(String path) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** The body of the api-service's answer to an anonymous GET. */
	String get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** The stream-service's whole answer to an anonymous GET. */
	byte[] streamBytes(String path) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create(streamUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray())
			.body();
	}

	/** The Content-Type of the api-service's answer to an anonymous GET. */
	String contentType(String path) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.discarding())
			.headers()
			.firstValue("Content-Type")
			.orElse("");
	}

	/** Gives a user their own storage quota, as an operator would in the database. */
	void setQuota(String userName, long bytes) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				PreparedStatement update = connection
					.prepareStatement("UPDATE users SET quota_bytes = ? WHERE login_name = ?")) {
			update.setLong(1, bytes);
			update.setString(2, userName);
			update.executeUpdate();
		}
	}

	/**
	 * Runs a statement on the site's database, as the scheduler-service's transcoder
	 * would write its queue's rows.
	 * @return the number of rows it changed
	 */
	int update(String sql, Object... parameters) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				PreparedStatement update = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				update.setObject(i + 1, parameters[i]);
			}
			return update.executeUpdate();
		}
	}

	/** Logs a session out as another tab or device would. */
	int logOut(String sessionId) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create(url() + "/session"))
				.header("Cookie", "video_session=" + sessionId)
				.DELETE()
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** Everything both services logged so far, access log included. */
	String logs() throws IOException {
		return this.api.log() + this.stream.log() + streamAccessLog();
	}

	/** Whether a deleted video's file waits in the scheduler's queue. */
	boolean queuedForDeletion(String videoId) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				PreparedStatement query = connection
					.prepareStatement("SELECT COUNT(*) FROM video_del_rec WHERE video_id = ?")) {
			query.setString(1, videoId);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() && rows.getInt(1) == 1;
			}
		}
	}

	private static String json(String userName) {
		return "{\"user_name\":\"" + userName + "\",\"pwd\":\"" + WebUiTests.PASSWORD + "\"}";
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(
					request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private static String match(HttpResponse<String> response) {
		Matcher matcher = ID.matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No id in " + response.body());
		}
		return matcher.group(1);
	}

	@Override
	public void close() throws InterruptedException {
		this.api.close();
		this.stream.close();
		if (this.scheduler != null) {
			this.scheduler.close();
		}
	}

}
