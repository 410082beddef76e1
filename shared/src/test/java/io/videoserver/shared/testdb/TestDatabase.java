package io.videoserver.shared.testdb;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points a test's (or a local run's) Spring context at a fresh database on the shared
 * test server; import it next to {@code @SpringBootTest} or {@code @JdbcTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	@Bean
	JdbcConnectionDetails testDatabaseConnectionDetails() {
		TestDatabaseHandle database = TestDatabaseServer.shared().createDatabase();
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return database.username();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

			@Override
			public String getJdbcUrl() {
				return database.jdbcUrl();
			}

		};
	}

}
