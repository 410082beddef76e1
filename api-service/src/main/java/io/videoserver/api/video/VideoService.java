package io.videoserver.api.video;

import java.util.List;

import io.videoserver.api.session.SessionUser;
import io.videoserver.api.web.Listing;
import io.videoserver.api.web.ListingCache;
import io.videoserver.api.web.ListingCache.Scope;
import io.videoserver.api.web.PageCursor;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Video use cases that span several statements: creation for the session's user, paged
 * listing, and deletion that removes the metadata and queues the file in one transaction.
 */
@Service
class VideoService {

	private static final Logger log = LoggerFactory.getLogger(VideoService.class);

	private final VideoRepository videos;

	private final ListingCache listings;

	VideoService(VideoRepository videos, ListingCache listings) {
		this.videos = videos;
		this.listings = listings;
	}

	Video create(SessionUser user, String name) {
		String id = VideoIds.newId();
		this.videos.insert(id, user.userId(), name);
		this.listings.changed(Scope.allVideos(), Scope.videosOf(user.userName()));
		log.info("User {} created video {}", user.userName(), id);
		return this.videos.findById(id).orElseThrow(VideoService::notFound);
	}

	Video get(String id) {
		return this.videos.findById(VideoIds.require(id)).orElseThrow(VideoService::notFound);
	}

	/**
	 * A page of all videos or of one user's, from the {@link ListingCache} when it was
	 * read lately.
	 */
	Listing<Video> list(@Nullable String userName, @Nullable PageCursor before, int limit) {
		Scope scope = (userName != null) ? Scope.videosOf(userName) : Scope.allVideos();
		return this.listings.page(scope, before, limit, () -> read(userName, before, limit));
	}

	/**
	 * One statement, and a second only when an author's page comes back empty, to tell an
	 * unknown user (404) from one without videos.
	 */
	private Listing<Video> read(@Nullable String userName, @Nullable PageCursor before, int limit) {
		List<Video> rows = this.videos.list(userName, before, limit + 1);
		if (rows.isEmpty() && userName != null && !this.videos.userExists(userName)) {
			throw new ApiException(ErrorCode.NOT_FOUND, "No such user");
		}
		return Listing.of(rows, limit, video -> new PageCursor(video.createTime(), video.seq()));
	}

	@Transactional
	void delete(SessionUser user, String id) {
		long authorId = this.videos.lockAuthor(VideoIds.require(id)).orElseThrow(VideoService::notFound);
		if (authorId != user.userId()) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the author may delete this video");
		}
		this.videos.delete(id);
		this.videos.queueFileDeletion(id);
		this.listings.changed(Scope.allVideos(), Scope.videosOf(user.userName()), Scope.commentsOf(id));
		log.info("User {} deleted video {}; its file is queued for deletion", user.userName(), id);
	}

	private static ApiException notFound() {
		return new ApiException(ErrorCode.NOT_FOUND, "No such video");
	}

}
