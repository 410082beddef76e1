package io.videoserver.stream.view;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buffer between playback and the batch writes: distinct views only, bounded, and
 * emptied by each drain.
 */
class ViewBufferTests {

	private static final LocalDateTime WINDOW = LocalDateTime.parse("2026-12-01T06:00:00");

	@Test
	void repeatedViewsAreOne() {
		ViewBuffer buffer = new ViewBuffer(10);
		for (int i = 0; i < 10; i++) {
			assertThat(buffer.add(key("v1", "alice"))).isTrue();
		}
		assertThat(buffer.drain()).containsExactly(key("v1", "alice"));
	}

	@Test
	void viewersVideosAndWindowsAreDistinct() {
		ViewBuffer buffer = new ViewBuffer(10);
		buffer.add(key("v1", "alice"));
		buffer.add(key("v1", "bob"));
		buffer.add(key("v2", "alice"));
		buffer.add(new ViewKey("v1", Viewer.user("", "alice"), WINDOW.plusHours(6)));
		assertThat(buffer.size()).isEqualTo(4);
	}

	@Test
	void fullBufferRefusesNewViewsButNotPendingOnes() {
		ViewBuffer buffer = new ViewBuffer(2);
		assertThat(buffer.add(key("v1", "a"))).isTrue();
		assertThat(buffer.add(key("v1", "b"))).isTrue();
		assertThat(buffer.add(key("v1", "c"))).isFalse();
		assertThat(buffer.add(key("v1", "a"))).isTrue();
		assertThat(buffer.size()).isEqualTo(2);
	}

	@Test
	void drainEmptiesTheBuffer() {
		ViewBuffer buffer = new ViewBuffer(2);
		buffer.add(key("v1", "a"));
		buffer.add(key("v1", "b"));
		assertThat(buffer.drain()).hasSize(2);
		assertThat(buffer.size()).isZero();
		assertThat(buffer.drain()).isEmpty();
		assertThat(buffer.add(key("v1", "c"))).isTrue();
	}

	@Test
	void restoreKeepsWhatFitsAndReportsTheRest() {
		ViewBuffer buffer = new ViewBuffer(2);
		buffer.add(key("v9", "new"));
		assertThat(buffer.restore(List.of(key("v1", "a"), key("v1", "b"), key("v9", "new")))).isEqualTo(1);
		assertThat(buffer.drain()).containsExactly(key("v9", "new"), key("v1", "a"));
	}

	private static ViewKey key(String vid, String user) {
		return new ViewKey(vid, Viewer.user("", user), WINDOW);
	}

}
