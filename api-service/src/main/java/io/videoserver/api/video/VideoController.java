package io.videoserver.api.video;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.videoserver.api.session.SessionUser;
import io.videoserver.api.session.Viewer;
import io.videoserver.api.user.UserNames;
import io.videoserver.api.web.Listing;
import io.videoserver.api.web.PageCursor;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's video endpoints, with keyset pagination on the lists (newest or most
 * viewed first), tag lists, search, and the owner's changes.
 */
@RestController
class VideoController {

	private static final String NEWEST = "newest";

	private static final String VIEWS = "views";

	private static final String ORDERS = NEWEST + "|" + VIEWS;

	private static final String ORDER_MESSAGE = "order must be newest or views";

	private final VideoService videos;

	private final VideoSearch search;

	VideoController(VideoService videos, VideoSearch search) {
		this.videos = videos;
		this.search = search;
	}

	@PostMapping("/user/{userName}/videos")
	ResponseEntity<VideoResponse> create(
			@PathVariable @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
			@Valid @RequestBody CreateVideoRequest request, SessionUser user) {
		requireSelf(userName, user);
		user.requireAuthorId(request.authorId());
		Video video = this.videos.create(user, request.fields());
		return ResponseEntity.status(HttpStatus.CREATED).body(VideoResponse.of(video));
	}

	@PatchMapping("/user/{userName}/videos/{vid}")
	VideoResponse patch(@PathVariable @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
			@PathVariable String vid, @Valid @RequestBody PatchVideoRequest request, SessionUser user) {
		requireSelf(userName, user);
		return VideoResponse.of(this.videos.patch(user, vid, request));
	}

	@GetMapping("/user/{userName}/videos")
	VideoListResponse listOfUser(
			@PathVariable @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
			@RequestParam(defaultValue = "" + Listing.DEFAULT_LIMIT) @Min(value = 1,
					message = Listing.LIMIT_MESSAGE) @Max(value = Listing.MAX_LIMIT,
							message = Listing.LIMIT_MESSAGE) int limit,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(defaultValue = NEWEST) @Pattern(regexp = ORDERS, message = ORDER_MESSAGE) String order,
			Viewer viewer) {
		VideoFilter filter = new VideoFilter(userName, null, viewer.is(userName), VIEWS.equals(order));
		return page(this.videos.list(filter, PageCursor.parse(before), limit));
	}

	/**
	 * Every public video: newest or most viewed first, with a tag, or a search's results
	 * by relevance ({@code q}; a blank one is the plain list).
	 */
	@GetMapping("/videos")
	VideoListResponse listAll(@RequestParam(defaultValue = "" + Listing.DEFAULT_LIMIT) @Min(value = 1,
			message = Listing.LIMIT_MESSAGE) @Max(value = Listing.MAX_LIMIT, message = Listing.LIMIT_MESSAGE) int limit,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable @Size(max = VideoSearch.MAX_QUERY,
					message = VideoSearch.QUERY_MESSAGE) String q,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(defaultValue = NEWEST) @Pattern(regexp = ORDERS, message = ORDER_MESSAGE) String order) {
		PageCursor cursor = PageCursor.parse(before);
		if (q != null && !q.isBlank()) {
			if (tag != null || VIEWS.equals(order)) {
				throw new ApiException(ErrorCode.BAD_REQUEST, "q cannot be combined with tag or order=views");
			}
			return page(this.search.search(q, cursor, limit));
		}
		VideoFilter filter = new VideoFilter(null, (tag != null) ? Tags.normalise(tag) : null, false,
				VIEWS.equals(order));
		return page(this.videos.list(filter, cursor, limit));
	}

	@GetMapping("/videos/{vid}")
	VideoResponse get(@PathVariable String vid, Viewer viewer) {
		return VideoResponse.of(this.videos.get(vid, viewer));
	}

	@DeleteMapping("/user/{userName}/videos/{vid}")
	ResponseEntity<Void> delete(
			@PathVariable @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
			@PathVariable String vid, SessionUser user) {
		requireSelf(userName, user);
		this.videos.delete(user, vid);
		return ResponseEntity.noContent().build();
	}

	private static VideoListResponse page(Listing<Video> listing) {
		return new VideoListResponse(listing.items().stream().map(VideoResponse::of).toList(), listing.nextValue());
	}

	private static void requireSelf(String userName, SessionUser user) {
		if (!user.userName().equals(userName)) {
			throw new ApiException(ErrorCode.FORBIDDEN, "The path names another user");
		}
	}

}
