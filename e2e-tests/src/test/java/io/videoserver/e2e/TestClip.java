package io.videoserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The test clip of src/test/resources (its README says how it was made), which the
 * browser tests seed and upload.
 */
final class TestClip {

	private TestClip() {
	}

	/**
	 * Reads the clip.
	 * @return a copy of its bytes of the caller's own
	 */
	static byte[] bytes() {
		try (InputStream in = TestClip.class.getResourceAsStream("/clip.mp4")) {
			if (in == null) {
				throw new IllegalStateException("clip.mp4 is missing from the test resources");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
