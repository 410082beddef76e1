package io.videoserver.api.session;

/**
 * The user behind a valid session; a controller parameter of this type requires one.
 *
 * @param userId the user's id
 * @param userName the user's name
 * @param sessionId the session that authenticated the request
 */
public record SessionUser(long userId, String userName, String sessionId) {

	@Override
	public String toString() {
		return "SessionUser[userId=" + this.userId + ", userName=" + this.userName + "]";
	}

}
