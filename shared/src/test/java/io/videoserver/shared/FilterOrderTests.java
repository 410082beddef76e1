package io.videoserver.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilterOrderTests {

	@Test
	void sharedFiltersRunLogPathCrossSiteThenRateLimitWithRoomBetween() {
		List<Integer> order = List.of(FilterOrder.REQUEST_LOG, FilterOrder.CANONICAL_PATH, FilterOrder.CROSS_SITE,
				FilterOrder.RATE_LIMIT, FilterOrder.SERVICE_FILTERS);
		assertThat(order).isSorted().doesNotHaveDuplicates();
		assertThat(FilterOrder.RATE_LIMIT - FilterOrder.CROSS_SITE).isGreaterThan(1);
	}

}
