package io.videoserver.stream.view;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's hash: stable, 16 bytes, one per user whatever the device, different per
 * client and per salt, and never the address in clear.
 */
class ViewerTests {

	@Test
	void sameInputsGiveTheSameViewer() {
		assertThat(Viewer.client("s", "192.0.2.1", "Firefox")).isEqualTo(Viewer.client("s", "192.0.2.1", "Firefox"));
		assertThat(Viewer.user("s", "alice")).isEqualTo(Viewer.user("s", "alice"));
	}

	@Test
	void addressAndUserAgentBothTell() {
		Viewer viewer = Viewer.client("", "192.0.2.1", "Firefox");
		assertThat(viewer).isNotEqualTo(Viewer.client("", "192.0.2.2", "Firefox"))
			.isNotEqualTo(Viewer.client("", "192.0.2.1", "Chrome"))
			.isNotEqualTo(Viewer.client("", "192.0.2.1", null));
	}

	@Test
	void saltChangesEveryHash() {
		assertThat(Viewer.user("one", "alice")).isNotEqualTo(Viewer.user("two", "alice"));
		assertThat(Viewer.client("one", "192.0.2.1", "x")).isNotEqualTo(Viewer.client("two", "192.0.2.1", "x"));
	}

	@Test
	void aUserNeverCollidesWithAClientOfTheSameText() {
		assertThat(Viewer.user("", "192.0.2.1\nFirefox")).isNotEqualTo(Viewer.client("", "192.0.2.1", "Firefox"));
	}

	@Test
	void saltCannotBeShiftedIntoTheValue() {
		assertThat(Viewer.user("ab", "c")).isNotEqualTo(Viewer.user("a", "bc"));
	}

	@Test
	void bytesAreSixteenAndHoldNoAddress() {
		byte[] bytes = Viewer.client("", "192.0.2.1", "Firefox").bytes();
		assertThat(bytes).hasSize(16);
		assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("192.0.2.1");
		Viewer viewer = Viewer.user("", "alice");
		java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(viewer.bytes());
		assertThat(new Viewer(buffer.getLong(), buffer.getLong())).isEqualTo(viewer);
	}

	@Test
	void isTheFirstHalfOfSha256() throws Exception {
		java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
		sha256.update(new byte[] { 0, 0, 0, 0 });
		byte[] digest = sha256.digest("user\nalice".getBytes(StandardCharsets.UTF_8));
		assertThat(Viewer.user("", "alice").bytes()).isEqualTo(java.util.Arrays.copyOf(digest, 16));
	}

}
