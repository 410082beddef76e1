package io.videoserver.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The server's id pattern (a lower-case canonical UUID), checked before an id touches a
 * file name or a query, so that no request can name a path outside the video directory.
 */
public final class VideoIds {

	private static final Pattern PATTERN = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private VideoIds() {
	}

	public static boolean isValid(String id) {
		return id.length() == 36 && PATTERN.matcher(id).matches();
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
