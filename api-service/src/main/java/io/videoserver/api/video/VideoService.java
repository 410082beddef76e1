package io.videoserver.api.video;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Video use cases that span several statements: creation and changes by the owner (with
 * tags and the search text), paged listing and search that show each viewer what they may
 * see, and deletion that removes the metadata and queues the file in one transaction.
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

	@Transactional
	Video create(SessionUser user, VideoFields fields) {
		String id = VideoIds.newId();
		this.videos.insert(id, user.userId(), fields);
		this.listings.changed(scopes(user.userName(), id, fields.tags()));
		log.info("User {} created video {}", user.userName(), id);
		return this.videos.findById(id).orElseThrow(VideoService::notFound);
	}

	/**
	 * Applies an owner's changes; every list the video was or is now in is marked
	 * changed, since a new title, privacy or tag set changes what those lists show.
	 */
	@Transactional
	Video patch(SessionUser user, String id, PatchVideoRequest patch) {
		requireAuthor(user, id, "change");
		Video video = this.videos.findById(id).orElseThrow(VideoService::notFound);
		VideoFields changed = VideoFields.of(video).with(patch);
		this.videos.update(id, changed);
		Set<String> tags = new LinkedHashSet<>(video.tags());
		tags.addAll(changed.tags());
		this.listings.changed(scopes(user.userName(), id, tags));
		log.info("User {} changed video {}", user.userName(), id);
		return this.videos.findById(id).orElseThrow(VideoService::notFound);
	}

	/** A video as the viewer may see it: a private one is not found but by its owner. */
	Video get(String id, Viewer viewer) {
		return this.videos.findById(VideoIds.require(id))
			.filter((video) -> video.visibleTo(viewer.userId()))
			.orElseThrow(VideoService::notFound);
	}

	/**
	 * A page of a list, from the {@link ListingCache} when it was read lately: the
	 * filter's variant keeps the owner's view of their list apart from everyone else's.
	 */
	Listing<Video> list(VideoFilter filter, @Nullable PageCursor before, int limit) {
		if (filter.byViews() && before != null && before.rank() == null) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "before must be the 'next' value of a previous page");
		}
		Scope scope = (filter.author() != null) ? Scope.videosOf(filter.author())
				: (filter.tag() != null) ? Scope.videosTagged(filter.tag()) : Scope.allVideos();
		return this.listings.page(scope, filter.variant(), before, limit, () -> read(filter, before, limit));
	}

	/**
	 * One statement, and a second only when an author's page comes back empty, to tell an
	 * unknown user (404) from one without videos.
	 */
	private Listing<Video> read(VideoFilter filter, @Nullable PageCursor before, int limit) {
		List<Video> rows = this.videos.list(filter, before, limit + 1);
		if (rows.isEmpty() && filter.author() != null && !this.videos.userExists(filter.author())) {
			throw new ApiException(ErrorCode.NOT_FOUND, "No such user");
		}
		return Listing.of(rows, limit, (video) -> new PageCursor(video.createTime(), video.seq(),
				filter.byViews() ? (double) video.views() : null));
	}

	@Transactional
	void delete(SessionUser user, String id) {
		requireAuthor(user, id, "delete");
		List<String> tags = this.videos.tagsOf(id);
		this.videos.delete(id);
		this.videos.queueFileDeletion(id);
		this.listings.changed(scopes(user.userName(), id, tags));
		log.info("User {} deleted video {}; its file is queued for deletion", user.userName(), id);
	}

	private void requireAuthor(SessionUser user, String id, String action) {
		long authorId = this.videos.lockAuthor(VideoIds.require(id)).orElseThrow(VideoService::notFound);
		if (authorId != user.userId()) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the author may " + action + " this video");
		}
	}

	/** Every list a write to a video of this author with these tags changes. */
	private static Scope[] scopes(String userName, String id, Iterable<String> tags) {
		List<Scope> scopes = new ArrayList<>(
				List.of(Scope.allVideos(), Scope.videosOf(userName), Scope.commentsOf(id)));
		tags.forEach((tag) -> scopes.add(Scope.videosTagged(tag)));
		return scopes.toArray(Scope[]::new);
	}

	private static ApiException notFound() {
		return new ApiException(ErrorCode.NOT_FOUND, "No such video");
	}

}
