package io.videoserver.stream;

import io.videoserver.shared.testdb.TestDatabase;

import org.springframework.boot.SpringApplication;

/**
 * Runs the stream-service locally on the test database
 * ({@code ./mvnw -pl stream-service spring-boot:test-run}).
 */
public class TestStreamApplication {

	public static void main(String[] args) {
		SpringApplication.from(StreamApplication::main).with(TestDatabase.class).run(args);
	}

}
