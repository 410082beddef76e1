package io.videoserver.api.comment;

import java.util.List;

import io.videoserver.api.session.SessionUser;
import io.videoserver.api.session.Viewer;
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
		if (!this.comments.insertIfVisible(id, vid, user.userId(), content)) {
			throw noSuchVideo();
		}
		this.listings.changed(Scope.commentsOf(vid));
		return this.comments.findById(id).orElseThrow(CommentService::noSuchVideo);
	}

	/**
	 * A page of a video's comments, kept per reader (anonymous readers share theirs),
	 * since whether the video may be seen at all depends on who reads: a private one's
	 * comments are its owner's only.
	 */
	Listing<Comment> list(String vid, Viewer viewer, @Nullable PageCursor before, int limit) {
		VideoIds.require(vid);
		Long viewerId = viewer.userId();
		String variant = (viewerId != null) ? viewerId.toString() : "";
		return this.listings.page(Scope.commentsOf(vid), variant, before, limit,
				() -> read(vid, viewerId, before, limit));
	}

	/**
	 * One statement for a page; a second only to tell an unknown video (or one private to
	 * another) from a quiet one.
	 */
	private Listing<Comment> read(String vid, @Nullable Long viewerId, @Nullable PageCursor before, int limit) {
		List<Comment> rows = this.comments.list(vid, viewerId, before, limit + 1);
		if (rows.isEmpty() && !this.comments.videoVisible(vid, viewerId)) {
			throw noSuchVideo();
		}
		return Listing.of(rows, limit, comment -> new PageCursor(comment.time(), comment.seq()));
	}

	private static ApiException noSuchVideo() {
		return new ApiException(ErrorCode.NOT_FOUND, "No such video");
	}

}
