package io.videoserver.stream.view;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows every replica agrees on, and the one order batches are written in.
 */
class ViewKeyTests {

	@Test
	void windowsAreAlignedToTheEpochInUtc() {
		Duration sixHours = Duration.ofHours(6);
		assertThat(ViewKey.windowStart(Instant.parse("2026-12-01T05:59:59Z"), sixHours))
			.isEqualTo(LocalDateTime.parse("2026-12-01T00:00:00"));
		assertThat(ViewKey.windowStart(Instant.parse("2026-12-01T06:00:00Z"), sixHours))
			.isEqualTo(LocalDateTime.parse("2026-12-01T06:00:00"));
		assertThat(ViewKey.windowStart(Instant.parse("2026-12-01T23:30:00Z"), Duration.ofMinutes(45)))
			.isEqualTo(LocalDateTime.parse("2026-12-01T23:15:00"));
	}

	@Test
	void writeOrderSortsByVideoThenWindowThenViewer() {
		LocalDateTime window = LocalDateTime.parse("2026-12-01T06:00:00");
		ViewKey a = new ViewKey("a", new Viewer(5, 0), window);
		ViewKey b1 = new ViewKey("b", new Viewer(-1, 0), window);
		ViewKey b2 = new ViewKey("b", new Viewer(1, 0), window);
		ViewKey b3 = new ViewKey("b", new Viewer(1, 2), window);
		ViewKey b4 = new ViewKey("b", new Viewer(0, 0), window.plusHours(6));
		List<ViewKey> keys = new ArrayList<>(List.of(b4, b3, a, b2, b1));
		keys.sort(ViewKey.WRITE_ORDER);
		assertThat(keys).containsExactly(a, b1, b2, b3, b4);
	}

}
