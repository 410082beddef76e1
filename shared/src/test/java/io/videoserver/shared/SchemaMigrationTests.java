package io.videoserver.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import io.videoserver.shared.testdb.TestDatabaseHandle;
import io.videoserver.shared.testdb.TestDatabaseServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema in {@code db/} on a real server: fresh, concurrent and upgrading the
 * original site's database in place.
 */
class SchemaMigrationTests {

	/** Every versioned migration in db/migration, V1 (the original's tables) included. */
	private static final int MIGRATIONS = countMigrations();

	@Test
	void freshDatabaseGetsEveryTableAndIndex() {
		DataSource dataSource = TestDatabaseServer.shared().createDatabase().dataSource();
		MigrateResult result = flyway(dataSource).migrate();
		assertThat(result.migrationsExecuted).isEqualTo(MIGRATIONS);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(columns(jdbc, "video_del_rec")).contains("lease_owner", "lease_until", "attempts", "parked");
		assertThat(columns(jdbc, "sessions")).containsExactly("session_id", "login_name", "expires_at");
		assertThat(indexes(jdbc, "video_info")).contains("idx_video_info_create_time", "idx_video_info_author");
		assertThat(indexes(jdbc, "comments")).contains("idx_comments_video_time");
	}

	@RepeatedTest(10)
	void threeServicesStartingAtOnceApplyTheSchemaExactlyOnce() throws Exception {
		DataSource dataSource = TestDatabaseServer.shared().createDatabase().dataSource();
		CyclicBarrier start = new CyclicBarrier(3);
		List<CompletableFuture<MigrateResult>> runs = List.of(migrateAfter(start, dataSource),
				migrateAfter(start, dataSource), migrateAfter(start, dataSource));
		int executed = 0;
		for (CompletableFuture<MigrateResult> run : runs) {
			MigrateResult result = run.get();
			assertThat(result.success).isTrue();
			executed += result.migrationsExecuted;
		}
		assertThat(executed).isEqualTo(MIGRATIONS);
		Integer applied = JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")
			.query(Integer.class)
			.single();
		assertThat(applied).isEqualTo(MIGRATIONS);
	}

	@Test
	void aServiceArrivingInTheMiddleOfAnotherMigrationWaitsAndSucceeds() throws Exception {
		DataSource dataSource = TestDatabaseServer.shared().createDatabase().dataSource();
		CountDownLatch firstMigrationStarted = new CountDownLatch(1);
		Flyway slow = Flyway.configure()
			.configuration(flyway(dataSource).getConfiguration())
			.callbacks(new PausingCallback(firstMigrationStarted))
			.load();
		CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(slow::migrate);
		firstMigrationStarted.await();
		MigrateResult second = new RetryingFlywayMigration().migrateWithRetries(flyway(dataSource));
		assertThat(second.success).isTrue();
		assertThat(first.get().success).isTrue();
		assertThat(first.get().migrationsExecuted + second.migrationsExecuted).isEqualTo(MIGRATIONS);
	}

	@Test
	void originalSitesDatabaseIsBaselinedAndUpgradedKeepingItsData() throws Exception {
		TestDatabaseHandle database = TestDatabaseServer.shared().createDatabase();
		DataSource dataSource = database.dataSource();
		try (var connection = dataSource.getConnection()) {
			ScriptUtils.executeSqlScript(connection, new ClassPathResource("original-site.sql"));
		}
		MigrateResult result = flyway(dataSource).migrate();
		assertThat(result.migrationsExecuted).as("all but the baselined V1").isEqualTo(MIGRATIONS - 1);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		List<Map<String, Object>> users = jdbc.sql("SELECT login_name, pwd, pwd_legacy FROM users ORDER BY id")
			.query()
			.listOfRows();
		assertThat(users).extracting(row -> row.get("login_name")).containsExactly("avenssi", "bob");
		assertThat(users).extracting(row -> row.get("pwd")).containsExactly("oldpassword1", "hunter2hunter2");
		assertThat(users).allSatisfy(row -> assertThat(row.get("pwd_legacy")).isIn(true, 1));
		assertThat(jdbc.sql("SELECT name FROM video_info ORDER BY create_time").query(String.class).list())
			.containsExactly("my-first-video", "holiday");
		assertThat(jdbc.sql("SELECT content FROM comments").query(String.class).list()).containsExactly("nice video");
		assertThat(jdbc.sql("SELECT video_id FROM video_del_rec WHERE parked = FALSE AND attempts = 0")
			.query(String.class)
			.list()).containsExactly("4f4eae42-739b-40ce-b19b-9142c262ae55");
		assertThat(columns(jdbc, "sessions")).contains("expires_at");
		String legacyVideo = "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11";
		jdbc.sql("INSERT INTO video_poster (video_id, content_type, image) VALUES (:id, 'image/jpeg', x'FFD8')")
			.param("id", legacyVideo)
			.update();
		jdbc.sql("DELETE FROM video_info WHERE id = :id").param("id", legacyVideo).update();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM video_poster").query(Integer.class).single())
			.as("a poster goes with its video")
			.isZero();
	}

	private static CompletableFuture<MigrateResult> migrateAfter(CyclicBarrier start, DataSource dataSource) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				start.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return new RetryingFlywayMigration().migrateWithRetries(flyway(dataSource));
		});
	}

	/**
	 * Holds the first service back right after its first migration ran and before Flyway
	 * records it, the widest moment for a second service to arrive.
	 */
	private record PausingCallback(CountDownLatch started) implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.AFTER_EACH_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			if (this.started.getCount() > 0) {
				this.started.countDown();
				try {
					Thread.sleep(1500);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public String getCallbackName() {
			return "pause";
		}

	}

	private static int countMigrations() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver()
				.getResources("classpath:db/migration/V*__*.sql");
			assertThat(files.length).as("V1 and V2 at least").isGreaterThanOrEqualTo(2);
			return files.length;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Flyway flyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.baselineOnMigrate(true)
			.baselineVersion("1")
			.locations("classpath:db/migration")
			.load();
	}

	private static List<String> columns(JdbcClient jdbc, String table) {
		return jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = DATABASE() AND table_name = :table ORDER BY ordinal_position""")
			.param("table", table)
			.query(String.class)
			.list();
	}

	private static List<String> indexes(JdbcClient jdbc, String table) {
		return jdbc.sql("""
				SELECT DISTINCT index_name FROM information_schema.statistics
				WHERE table_schema = DATABASE() AND table_name = :table""")
			.param("table", table)
			.query(String.class)
			.list();
	}

}
