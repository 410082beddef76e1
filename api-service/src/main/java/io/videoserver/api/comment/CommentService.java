package io.videoserver.api.comment;

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

import org.springframework.stereotype.Service;

/**
 * Comment use cases: posting on a video that exists, and paged reading through the
 * {@link ListingCache}.
 */
@Service
class CommentService {

	private final CommentRepository comments;

	private final ListingCache listings;

	CommentService(CommentRepository comments, ListingCache listings) {
		this.comments = comments;
		this.listings = listings;
	}

	Comment post(SessionUser user, String vid, String content) {
		VideoIds.require(vid);
		String id = VideoIds.newId();
		if (!this.comments.insertIfVideoExists(id, vid, user.userId(), content)) {
			throw noSuchVideo();
		}
		this.listings.changed(Scope.commentsOf(vid));
		return this.comments.findById(id).orElseThrow(CommentService::noSuchVideo);
	}

	Listing<Comment> list(String vid, @Nullable PageCursor before, int limit) {
		VideoIds.require(vid);
		return this.listings.page(Scope.commentsOf(vid), before, limit, () -> read(vid, before, limit));
	}

	/**
	 * One statement for a page; a second only to tell an unknown video from a quiet one.
	 */
	private Listing<Comment> read(String vid, @Nullable PageCursor before, int limit) {
		List<Comment> rows = this.comments.list(vid, before, limit + 1);
		if (rows.isEmpty() && !this.comments.videoExists(vid)) {
			throw noSuchVideo();
		}
		return Listing.of(rows, limit, comment -> new PageCursor(comment.time(), comment.seq()));
	}

	private static ApiException noSuchVideo() {
		return new ApiException(ErrorCode.NOT_FOUND, "No such video");
	}

}
