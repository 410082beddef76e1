package io.videoserver.api.user;

import java.util.Optional;

import io.videoserver.api.ApiProperties;
import io.videoserver.api.session.Sessions;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.StorageQuota;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Registration and login. A failed login says the same and takes about the same time
 * whether the name is unknown or the password wrong, so names cannot be enumerated.
 */
@Service
class UserService {

	private static final Logger log = LoggerFactory.getLogger(UserService.class);

	private static final String LOGIN_FAILED = "User name or password is not correct";

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final long defaultQuota;

	UserService(UserRepository users, PasswordHasher hasher, Sessions sessions, LoginThrottle throttle,
			ApiProperties properties) {
		this.defaultQuota = properties.upload().userQuota().toBytes();
		this.users = users;
		this.hasher = hasher;
		this.sessions = sessions;
		this.throttle = throttle;
	}

	String register(String userName, String password) {
		String hash = this.hasher.hash(password);
		try {
			this.users.insert(userName, hash);
		}
		catch (DuplicateKeyException ex) {
			throw new ApiException(ErrorCode.ALREADY_EXISTS, "User name is already taken");
		}
		log.info("Registered user {}", userName);
		return this.sessions.create(userName);
	}

	String logIn(String userName, String password, String client) {
		LoginThrottle.Attempt attempt = this.throttle.reserve(userName, client);
		boolean verified;
		try {
			verified = verify(userName, password);
		}
		catch (RuntimeException ex) {
			attempt.giveBack(); // an outage is not a guess
			throw ex;
		}
		if (!verified) {
			throw new ApiException(ErrorCode.NOT_AUTHENTICATED, LOGIN_FAILED);
		}
		attempt.giveBack();
		return this.sessions.create(userName);
	}

	private boolean verify(String userName, String password) {
		Optional<User> found = this.users.findByLoginName(userName);
		if (found.isEmpty()) {
			this.hasher.spendEqualTime(password);
			return false;
		}
		User user = found.get();
		return user.pwdLegacy() ? logInLegacy(user, password) : this.hasher.matches(password, user.pwd());
	}

	/**
	 * Checks a password the original site stored in clear and, when it matches, replaces
	 * it by its hash, so clear text disappears user by user at their next login.
	 */
	private boolean logInLegacy(User user, String password) {
		this.hasher.spendEqualTime(password);
		if (!PasswordHasher.clearTextMatches(password, user.pwd())) {
			return false;
		}
		this.users.replaceLegacyPassword(user.id(), this.hasher.hash(password));
		log.info("Replaced the clear-text password of user {} by its hash", user.loginName());
		return true;
	}

	Optional<UserResponse> find(String userName) {
		return this.users.findByLoginName(userName).map((user) -> {
			UserRepository.Storage storage = this.users.storage(user.id());
			return new UserResponse(user.id(), user.loginName(),
					StorageQuota.of(storage.quotaBytes(), this.defaultQuota), storage.usedBytes());
		});
	}

}
