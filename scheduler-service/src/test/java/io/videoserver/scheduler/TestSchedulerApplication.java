package io.videoserver.scheduler;

import io.videoserver.shared.testdb.TestDatabase;

import org.springframework.boot.SpringApplication;

/**
 * Runs the scheduler-service locally on the test database
 * ({@code ./mvnw -pl scheduler-service spring-boot:test-run}).
 */
public class TestSchedulerApplication {

	public static void main(String[] args) {
		SpringApplication.from(SchedulerApplication::main).with(TestDatabase.class).run(args);
	}

}
