package io.videoserver.shared;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the original deployment's {@code /api/v1/healthz} probe path answering on the
 * service port, for operators' existing probes: the liveness state only (200 UP or 503),
 * while the Actuator itself listens on the management port.
 */
@RestController
public class HealthzAliasController {

	private final ObjectProvider<HealthEndpoint> health;

	HealthzAliasController(ObjectProvider<HealthEndpoint> health) {
		this.health = health;
	}

	@GetMapping("/api/v1/healthz")
	ResponseEntity<Map<String, String>> healthz() {
		HealthEndpoint endpoint = this.health.getIfAvailable();
		HealthDescriptor liveness = (endpoint != null) ? endpoint.healthForPath("liveness") : null;
		Status status = (liveness != null) ? liveness.getStatus() : Status.UNKNOWN;
		return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("status", status.getCode()));
	}

}
