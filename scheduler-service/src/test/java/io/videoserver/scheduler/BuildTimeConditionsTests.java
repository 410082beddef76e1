package io.videoserver.scheduler;

import java.io.IOException;

import io.videoserver.shared.testaot.BuildTimeConditions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service runs in Spring's AOT mode, where a condition on a setting is fixed when the
 * jar is built: none of its classes may have one.
 */
class BuildTimeConditionsTests {

	@Test
	void noConditionReadsTheEnvironment() throws IOException {
		assertThat(BuildTimeConditions.in("io.videoserver.scheduler")).isEmpty();
	}

}
