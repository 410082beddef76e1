package io.videoserver.scheduler.consistency;

import java.io.IOException;

import io.videoserver.shared.consistency.ConsistencyChecker;
import io.videoserver.shared.consistency.ConsistencyReport;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/consistency} on the management port: runs one check and answers
 * its report, for operators and for the fault tests, which expect no findings after each
 * scenario. It only reads; it lists the whole store, so it is for occasional use.
 */
@Endpoint(id = "consistency")
public class ConsistencyEndpoint {

	private final ConsistencyChecker checker;

	ConsistencyEndpoint(ConsistencyChecker checker) {
		this.checker = checker;
	}

	@ReadOperation
	public ConsistencyReport check() throws IOException {
		return this.checker.check();
	}

}
