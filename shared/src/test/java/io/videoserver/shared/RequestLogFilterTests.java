package io.videoserver.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogFilterTests {

	@Test
	void madeUpRequestIdsAreDistinctVersionFourUuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RequestLogFilter.newRequestId();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(id).matches("[0-9a-f-]{36}");
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

}
