package io.videoserver.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Keeps the original deployment's {@code /api/v1/healthz} probe path answering, as an
 * alias of the liveness group, for operators' existing probes.
 */
@Controller
public class HealthzAliasController {

	@GetMapping("/api/v1/healthz")
	String healthz() {
		return "forward:/actuator/health/liveness";
	}

}
