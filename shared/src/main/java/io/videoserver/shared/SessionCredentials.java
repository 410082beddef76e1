package io.videoserver.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The shape of the credentials a request offers, checked before they reach a query: both
 * services read the same {@code X-Session-Id}/{@code X-User-Name} headers and session
 * cookie, and a value the database cannot compare (a non-ASCII byte against the ASCII
 * session column) must answer 401/002, not 500.
 */
public final class SessionCredentials {

	/** The contract's user names; also the rule for registration and paths. */
	public static final String USER_NAME_PATTERN = "[A-Za-z0-9_.-]{1,64}";

	private static final Pattern USER_NAME = Pattern.compile(USER_NAME_PATTERN);

	private SessionCredentials() {
	}

	/**
	 * Whether the value is a random (version 4) UUID in canonical lower-case form, as
	 * sessions are issued; checked by hand like {@link VideoIds}, since every
	 * authenticated request checks it.
	 */
	public static boolean isSessionId(@Nullable String value) {
		return value != null && VideoIds.isValid(value) && value.charAt(14) == '4'
				&& "89ab".indexOf(value.charAt(19)) >= 0;
	}

	public static boolean isUserName(@Nullable String value) {
		return value != null && value.length() <= 64 && USER_NAME.matcher(value).matches();
	}

}
