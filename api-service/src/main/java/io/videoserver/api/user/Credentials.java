package io.videoserver.api.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The original's register and login body, {@code {"user_name","pwd"}}.
 *
 * @param userName the user name
 * @param pwd the password in clear, hashed before it is stored
 */
record Credentials(
		@Nullable @NotNull(message = UserNames.MESSAGE) @Pattern(regexp = UserNames.PATTERN,
				message = UserNames.MESSAGE) String userName,
		@Nullable @NotNull(message = "pwd must be 8-256 characters") @Size(min = 8, max = 256,
				message = "pwd must be 8-256 characters") String pwd) {

	@Override
	public String toString() {
		return "Credentials[userName=" + this.userName + ", pwd=<hidden>]";
	}

}
