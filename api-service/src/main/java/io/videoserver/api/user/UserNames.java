package io.videoserver.api.user;

import io.videoserver.shared.SessionCredentials;

/**
 * The contract's rule for user names, shared by request bodies and path variables.
 */
public final class UserNames {

	public static final String PATTERN = SessionCredentials.USER_NAME_PATTERN;

	public static final String MESSAGE = "user_name must be 1-64 characters of letters, digits, '_', '.' or '-'";

	private UserNames() {
	}

}
