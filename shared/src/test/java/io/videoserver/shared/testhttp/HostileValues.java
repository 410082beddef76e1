package io.videoserver.shared.testhttp;

import java.util.List;

/**
 * Path segments that try traversal, injection, encoding tricks and header splitting, as a
 * client would put them raw in a request target: one corpus for the hostile input tests
 * of every service.
 */
public final class HostileValues {

	/** Each value is already percent-encoded where a raw request target needs it. */
	public static final List<String> PATH_SEGMENTS = List.of("..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f",
			"%252e%252e%252f", "..;", "%00", "x%00y", "%2Fetc%2Fpasswd", "1'%20OR%20'1'='1",
			"1%27%3B%20DROP%20TABLE%20users%3B--", "%22%3E%3Cscript%3E", "%C0%AE%C0%AE", "%EF%BC%8E%EF%BC%8E",
			"%E2%80%AE", "a".repeat(3000), "%25", "0B0A6A0E-3F57-4C8A-9D57-5D0F8F2F6A11",
			"0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11%0d%0aX-Injected:1");

	/**
	 * Header and cookie values that no session id or user name can be, as raw bytes
	 * (ISO-8859-1 characters, so {@code \u00C3\u00A9} is the UTF-8 of an "é"): non-ASCII,
	 * over-long, control characters, SQL quotes, look-alikes of a UUID.
	 */
	public static final List<String> HEADER_VALUES = List.of("\u00C3\u00A9t\u00C3\u00A9", "\u00E9",
			"0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a1\u00E9", "\u00C3\u00A90b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a1",
			"x".repeat(5000), "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11".repeat(100), "a\u0001b", "a\u007Fb", "a\tb",
			"' OR '1'='1", "\"; DROP TABLE sessions; --", "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11' OR '1'='1",
			"0b0a6a0e-3f57-1c8a-9d57-5d0f8f2f6a11", "0B0A6A0E-3F57-4C8A-9D57-5D0F8F2F6A1G", "%00", "\\", "null", "",
			" ");

	private HostileValues() {
	}

}
