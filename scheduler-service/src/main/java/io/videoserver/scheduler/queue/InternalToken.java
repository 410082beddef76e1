package io.videoserver.scheduler.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.videoserver.scheduler.SchedulerProperties;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Checks {@code Authorization: Bearer <VIDEO_INTERNAL_TOKEN>} in constant time; without a
 * configured token nobody is let in.
 */
@Component
class InternalToken {

	private static final Logger log = LoggerFactory.getLogger(InternalToken.class);

	private static final String BEARER = "Bearer ";

	private final byte @Nullable [] expected;

	InternalToken(SchedulerProperties properties) {
		String token = properties.internalToken();
		this.expected = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
		if (this.expected == null) {
			log.warn("VIDEO_INTERNAL_TOKEN is not set: /video-delete-record refuses every call");
		}
	}

	void require(@Nullable String authorization) {
		if (!matches(authorization)) {
			throw new ApiException(ErrorCode.NOT_AUTHENTICATED, "A valid internal token is required");
		}
	}

	private boolean matches(@Nullable String authorization) {
		if (this.expected == null || authorization == null
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		byte[] given = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(this.expected, given);
	}

}
