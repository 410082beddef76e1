package io.videoserver.api.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;

import io.videoserver.shared.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTests {

	private static final LocalDateTime TIME = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 678_000_000);

	@Test
	void aNewestFirstCursorReadsBackWithoutARank() {
		PageCursor cursor = new PageCursor(TIME, 41);
		assertThat(PageCursor.parse(cursor.encode())).isEqualTo(cursor);
		assertThat(PageCursor.parse(cursor.encode()).rank()).isNull();
	}

	@Test
	void aRankedCursorKeepsItsRankExactly() {
		for (double rank : new double[] { 9, 0.3437357246875763, 1e-12, 12345678901d }) {
			PageCursor cursor = new PageCursor(TIME, 41, rank);
			assertThat(PageCursor.parse(cursor.encode())).isEqualTo(cursor);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-01-02T03:04:05.678|41|NaN", "2026-01-02T03:04:05.678|41|Infinity",
			"2026-01-02T03:04:05.678|41|x", "2026-01-02T03:04:05.678|41|1|2" })
	void aRankThatIsNotAFiniteNumberIs400(String text) {
		String before = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> PageCursor.parse(before)).isInstanceOf(ApiException.class)
			.hasMessage("before must be the 'next' value of a previous page");
	}

}
