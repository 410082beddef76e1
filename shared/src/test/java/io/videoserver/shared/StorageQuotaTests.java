package io.videoserver.shared;

import io.videoserver.shared.testdb.TestDatabaseServer;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class StorageQuotaTests {

	@Test
	void aUsersOwnQuotaWinsOverTheDefault() {
		assertThat(StorageQuota.of(5L, 10)).isEqualTo(5);
		assertThat(StorageQuota.of(0L, 10)).isZero();
		assertThat(StorageQuota.of(null, 10)).isEqualTo(10);
	}

	@Test
	void usedBytesSumTheUsersFilesAndLeaveOutTheReplacedOne() {
		JdbcClient jdbc = JdbcClient.create(TestDatabaseServer.shared().createMigratedDatabase().dataSource());
		jdbc.sql("INSERT INTO users (id, login_name, pwd) VALUES (1, 'alice', 'x'), (2, 'bob', 'x'), (3, 'carol', 'x')")
			.update();
		jdbc.sql("""
				INSERT INTO video_info (id, author_id, name, file_size) VALUES
				('a', 1, 'a', 100), ('b', 1, 'b', 20), ('c', 1, 'c', NULL), ('d', 2, 'd', 7)""").update();
		assertThat(usedBytes(jdbc, 1)).isEqualTo(120);
		assertThat(StorageQuota.usedBytesBesides(jdbc, 1, "a")).isEqualTo(20);
		assertThat(usedBytes(jdbc, 3)).isZero();
	}

	private static long usedBytes(JdbcClient jdbc, long userId) {
		return jdbc.sql("SELECT " + StorageQuota.usedBytesOf("u.id") + " FROM users u WHERE u.id = :id")
			.param("id", userId)
			.query(Long.class)
			.single();
	}

}
