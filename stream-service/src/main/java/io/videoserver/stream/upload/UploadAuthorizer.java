package io.videoserver.stream.upload;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.session.SessionUsers;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Lets only the owner of a video upload its file, reading the sessions that api-service
 * keeps: the original's header pair, or the browser's HttpOnly cookie.
 */
@Component
public class UploadAuthorizer {

	private final UploadRepository uploads;

	private final SessionUsers sessions;

	UploadAuthorizer(UploadRepository uploads, SessionUsers sessions) {
		this.uploads = uploads;
		this.sessions = sessions;
	}

	/**
	 * Checks the uploader, before a byte of the body is read.
	 * @throws ApiException 401/002 without a live session, 404/006 when the video does
	 * not exist, 403/007 when it is someone else's
	 * @return the owner's login name
	 */
	String requireOwner(HttpServletRequest request, String vid) {
		String user = requireUser(request);
		requireOwnedBy(user, vid);
		return user;
	}

	/**
	 * @throws ApiException 404/006 for a video that does not exist, 403/007 for another's
	 */
	public void requireOwnedBy(String user, String vid) {
		UploadRepository.VideoOwner owner = this.uploads.findOwner(vid)
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Video not found"));
		if (!user.equals(owner.loginName())) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the video's owner may upload its file");
		}
	}

	/**
	 * @return the login name of the request's live session
	 * @throws ApiException 401/002 without one
	 */
	public String requireUser(HttpServletRequest request) {
		return this.sessions.userOf(request).orElseThrow(() -> new ApiException(ErrorCode.NOT_AUTHENTICATED));
	}

}
