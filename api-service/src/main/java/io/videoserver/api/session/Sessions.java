package io.videoserver.api.session;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.videoserver.api.ApiProperties;
import io.videoserver.api.session.SessionRepository.ActiveSession;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Creates, checks and ends sessions. Valid sessions are cached per replica so the hot
 * path costs no query; a cached entry is trusted for at most {@code cacheTtl}, which
 * bounds how late a logout or expiry on another replica is honoured here. Sessions slide:
 * a check in the second half of a session's life renews it to the full TTL (and the
 * browser's cookie with it, see {@link SessionArgumentResolver}).
 */
@Service
public class Sessions {

	private static final int MAX_CACHED = 100_000;

	private final SessionRepository sessions;

	private final Duration ttl;

	private final Cache<String, CachedSession> cache;

	Sessions(SessionRepository sessions, ApiProperties properties) {
		this.sessions = sessions;
		this.ttl = properties.session().ttl();
		this.cache = Caffeine.newBuilder()
			.maximumSize(MAX_CACHED)
			.expireAfterWrite(properties.session().cacheTtl())
			.build();
	}

	/**
	 * Starts a session for a user who just proved who they are.
	 * @param loginName the user's name
	 * @return the new session id, a random (version 4) UUID
	 */
	public String create(String loginName) {
		String id = UUID.randomUUID().toString();
		this.sessions.insert(id, loginName, this.ttl);
		return id;
	}

	/**
	 * The user of a session, when it exists, has not expired and (if a name is claimed)
	 * belongs to that name.
	 * @param sessionId the session id offered by the client
	 * @param claimedUserName the {@code X-User-Name} header, or null with the cookie
	 * @return the session's user and whether this check renewed the session, or empty
	 */
	Optional<Authentication> authenticate(String sessionId, @Nullable String claimedUserName) {
		Authentication found = lookUp(sessionId);
		if (found == null || (claimedUserName != null && !claimedUserName.equals(found.user().userName()))) {
			return Optional.empty();
		}
		return Optional.of(found);
	}

	/**
	 * How long a session lives after its last renewal, and a browser's cookie with it.
	 * @return the TTL
	 */
	Duration ttl() {
		return this.ttl;
	}

	public void end(String sessionId) {
		this.cache.invalidate(sessionId);
		this.sessions.delete(sessionId);
	}

	private @Nullable Authentication lookUp(String sessionId) {
		CachedSession cached = this.cache.getIfPresent(sessionId);
		if (cached != null && cached.isValid()) {
			return new Authentication(cached.user(), false);
		}
		Optional<ActiveSession> active = this.sessions.findActive(sessionId);
		if (active.isEmpty()) {
			this.cache.invalidate(sessionId);
			return null;
		}
		long remainingNanos = active.get().remainingMicros() * 1000;
		boolean renewed = remainingNanos < this.ttl.toNanos() / 2;
		if (renewed) {
			this.sessions.renew(sessionId, this.ttl);
			remainingNanos = this.ttl.toNanos();
		}
		SessionUser user = new SessionUser(active.get().userId(), active.get().loginName(), sessionId);
		this.cache.put(sessionId, new CachedSession(user, System.nanoTime() + remainingNanos));
		return new Authentication(user, renewed);
	}

	/**
	 * A successful check of a session.
	 *
	 * @param user the session's user
	 * @param renewed whether the check slid the session to the full TTL, so that a
	 * browser's cookie must be renewed with it
	 */
	record Authentication(SessionUser user, boolean renewed) {
	}

	/**
	 * A valid session as last seen in the database, its expiry on the monotonic clock.
	 */
	private record CachedSession(SessionUser user, long validUntilNanos) {

		boolean isValid() {
			return System.nanoTime() - this.validUntilNanos < 0;
		}

	}

}
