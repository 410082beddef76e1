package io.videoserver.shared.testdb;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One fresh database on the test server.
 *
 * @param name the database (schema) name
 * @param jdbcUrl the URL that selects it
 * @param username the user
 * @param password the password
 */
public record TestDatabaseHandle(String name, String jdbcUrl, String username, String password) {

	/**
	 * A plain, unpooled data source, for tests that work below Spring Boot.
	 * @return a data source on this database
	 */
	public DataSource dataSource() {
		return new DriverManagerDataSource(this.jdbcUrl, this.username, this.password);
	}

}
