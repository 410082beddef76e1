package io.videoserver.api.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import io.videoserver.api.ApiProperties;
import io.videoserver.api.session.SessionCookies;
import io.videoserver.api.session.SessionUser;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's user endpoints: register, log in, and read one's own account.
 */
@RestController
class UserController {

	private final UserService users;

	private final ApiProperties properties;

	UserController(UserService users, ApiProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@PostMapping("/user")
	ResponseEntity<SessionResponse> register(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		String sessionId = this.users.register(credentials.userName(), credentials.pwd());
		return withSession(HttpStatus.CREATED, sessionId, request);
	}

	@PostMapping("/user/{userName}")
	ResponseEntity<SessionResponse> logIn(
			@PathVariable @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
			@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		if (!userName.equals(credentials.userName())) {
			throw new ApiException(ErrorCode.NOT_AUTHENTICATED, "User name in the path and the body differ");
		}
		String sessionId = this.users.logIn(userName, credentials.pwd(), request.getRemoteAddr());
		return withSession(HttpStatus.OK, sessionId, request);
	}

	@GetMapping("/user/{userName}")
	UserResponse get(@PathVariable @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
			SessionUser user) {
		if (!user.userName().equals(userName)) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the user may read their own account");
		}
		return this.users.find(userName).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such user"));
	}

	private ResponseEntity<SessionResponse> withSession(HttpStatus status, String sessionId,
			HttpServletRequest request) {
		return ResponseEntity.status(status)
			.header(HttpHeaders.SET_COOKIE,
					SessionCookies.issue(sessionId, this.properties.session().ttl(), request).toString())
			.body(new SessionResponse(true, sessionId));
	}

}
