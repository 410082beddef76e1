package io.videoserver.shared;

import java.util.UUID;

/**
 * The server's id pattern (a lower-case canonical UUID), checked before an id touches a
 * file name or a query, so that no request can name a path outside the video directory.
 */
public final class VideoIds {

	/** Where the pattern {@code 8-4-4-4-12} puts its hyphens. */
	private static final long HYPHENS = (1L << 8) | (1L << 13) | (1L << 18) | (1L << 23);

	private VideoIds() {
	}

	/**
	 * Whether the id is
	 * {@code [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}; checked by
	 * hand, as every playback request checks it, where a regular expression cost more
	 * than the rest of the id handling.
	 */
	public static boolean isValid(String id) {
		if (id.length() != 36) {
			return false;
		}
		for (int i = 0; i < 36; i++) {
			char c = id.charAt(i);
			boolean valid = ((HYPHENS >>> i) & 1) != 0 ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
			if (!valid) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the id when it matches the pattern.
	 * @param id an id taken from a request
	 * @return the same id
	 * @throws ApiException 400/001 when the id does not match
	 */
	public static String require(String id) {
		if (!isValid(id)) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Invalid video id");
		}
		return id;
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

}
