package io.videoserver.api;

import io.videoserver.shared.testdb.TestDatabase;

import org.springframework.boot.SpringApplication;

/**
 * Runs the api-service locally on the test database
 * ({@code ./mvnw -pl api-service spring-boot:test-run}).
 */
public class TestApiApplication {

	public static void main(String[] args) {
		SpringApplication.from(ApiApplication::main).with(TestDatabase.class).run(args);
	}

}
