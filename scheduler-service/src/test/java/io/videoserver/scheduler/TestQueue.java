package io.videoserver.scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import io.videoserver.shared.testdb.TestDatabaseServer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh, migrated database and a video directory filled with queued videos, for tests
 * that run replicas below Spring Boot.
 */
public final class TestQueue {

	private TestQueue() {
	}

	public static TestDatabaseHandle migratedDatabase() {
		return TestDatabaseServer.shared().createMigratedDatabase();
	}

	/**
	 * A connection pool of its own, as a replica in another process would have.
	 */
	public static HikariDataSource pool(String jdbcUrl, String username, String password, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setUsername(username);
		config.setPassword(password);
		config.setMaximumPoolSize(size);
		config.setConnectionInitSql("SET time_zone = '+00:00'");
		return new HikariDataSource(config);
	}

	public static HikariDataSource pool(TestDatabaseHandle database, int size) {
		return pool(database.jdbcUrl(), database.username(), database.password(), size);
	}

	/**
	 * Queues {@code count} new videos, each with a file and a part file in {@code dir}.
	 * @return the queued ids
	 */
	public static List<String> queueVideosWithFiles(DataSource dataSource, Path dir, int count) throws IOException {
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String id = VideoIds.newId();
			Files.writeString(dir.resolve(id), "video " + id);
			Files.writeString(dir.resolve(id + ".a1b2c3.part"), "partial");
			ids.add(id);
		}
		insertRows(JdbcClient.create(dataSource), ids);
		return ids;
	}

	static void insertRows(JdbcClient jdbc, List<String> ids) {
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
			String values = String.join(",", slice.stream().map((id) -> "('" + id + "')").toList());
			jdbc.sql("INSERT INTO video_del_rec (video_id) VALUES " + values).update();
		}
	}

	public static long rows(DataSource dataSource) {
		return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM video_del_rec").query(Long.class).single();
	}

	public static long files(Path dir) throws IOException {
		try (var listing = Files.list(dir)) {
			return listing.count();
		}
	}

}
