package io.videoserver.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Applies the schema so that services starting at the same moment on an empty database
 * all succeed. Flyway serialises migrations with a database lock, but with
 * baseline-on-migrate the creation of its history table can race: the loser fails with
 * "already exists, and is empty". A second attempt, once the winner holds the lock, sees
 * the table and waits for the winner like any other migration.
 */
public class RetryingFlywayMigration implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(RetryingFlywayMigration.class);

	private static final int ATTEMPTS = 10;

	private static final Duration PAUSE = Duration.ofMillis(500);

	@Override
	public void migrate(Flyway flyway) {
		migrateWithRetries(withoutNetworkTimeout(flyway));
	}

	/**
	 * The same Flyway on connections without the pool's socket timeout: that timeout
	 * bounds a request's wait for a hung database, but a migration may rightly take
	 * longer (an ALTER of a large table, or a wait for another service's migration lock).
	 */
	static Flyway withoutNetworkTimeout(Flyway flyway) {
		DataSource pool = flyway.getConfiguration().getDataSource();
		if (pool == null) {
			return flyway;
		}
		return Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.dataSource(new DelegatingDataSource(pool) {
				@Override
				public Connection getConnection() throws SQLException {
					Connection connection = super.getConnection();
					// The pool puts the timeout back when the connection returns.
					connection.setNetworkTimeout(Runnable::run, 0);
					return connection;
				}
			})
			.load();
	}

	/**
	 * Migrates, trying again when another service creates the schema at the same time.
	 * @param flyway the configured Flyway
	 * @return the result of the successful attempt
	 */
	public MigrateResult migrateWithRetries(Flyway flyway) {
		for (int attempt = 1;; attempt++) {
			try {
				return flyway.migrate();
			}
			catch (FlywayException ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
				log.info("Schema migration attempt {} failed ({}); another service may be migrating, retrying", attempt,
						ex.getMessage());
				pause();
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FlywayException("Interrupted while waiting to retry the migration", ex);
		}
	}

}
