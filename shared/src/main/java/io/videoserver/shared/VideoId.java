package io.videoserver.shared;

import org.jspecify.annotations.Nullable;

/**
 * A video id that has passed the server's pattern ({@link VideoIds#isValid}), so that
 * code handed one needs no check of its own before the id names a file or an object.
 *
 * @param value the id, a lower-case canonical UUID
 */
public record VideoId(String value) {

	/**
	 * @throws ApiException 400/001 when the value does not match the pattern
	 */
	public VideoId {
		VideoIds.require(value);
	}

	/**
	 * The id in a request path, or null when it does not match, for code that lets other
	 * handlers answer a malformed id rather than failing it.
	 */
	public static @Nullable VideoId parse(String value) {
		return VideoIds.isValid(value) ? new VideoId(value) : null;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
