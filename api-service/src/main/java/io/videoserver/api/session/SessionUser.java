package io.videoserver.api.session;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The user behind a valid session; a controller parameter of this type requires one.
 *
 * @param userId the user's id
 * @param userName the user's name
 * @param sessionId the session that authenticated the request
 */
public record SessionUser(long userId, String userName, String sessionId) {

	/**
	 * Checks the {@code author_id} that the original's clients may send: when present it
	 * must be this user, since the author always comes from the session.
	 * @param authorId the id a request body named, or null
	 * @throws ApiException 403/007 when it names someone else
	 */
	public void requireAuthorId(@Nullable Long authorId) {
		if (authorId != null && authorId != this.userId) {
			throw new ApiException(ErrorCode.FORBIDDEN, "author_id must be the logged-in user");
		}
	}

	@Override
	public String toString() {
		return "SessionUser[userId=" + this.userId + ", userName=" + this.userName + "]";
	}

}
