package io.videoserver.api.user;

/**
 * The contract's rule for user names, shared by request bodies and path variables.
 */
public final class UserNames {

	public static final String PATTERN = "[A-Za-z0-9_.-]{1,64}";

	public static final String MESSAGE = "user_name must be 1-64 characters of letters, digits, '_', '.' or '-'";

	private UserNames() {
	}

}
