package io.videoserver.api.video;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.videoserver.api.session.SessionUser;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's video endpoints, with newest-first keyset pagination on the lists.
 */
@RestController
class VideoController {

	private final VideoService videos;

	VideoController(VideoService videos) {
		this.videos = videos;
	}

	@PostMapping("/user/{userName}/videos")
	ResponseEntity<VideoResponse> create(
			@PathVariable @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
			@Valid @RequestBody CreateVideoRequest request, SessionUser user) {
		requireSelf(userName, user);
		user.requireAuthorId(request.authorId());
		Video video = this.videos.create(user, request.name());
		return ResponseEntity.status(HttpStatus.CREATED).body(VideoResponse.of(video));
	}

	@GetMapping("/user/{userName}/videos")
	VideoListResponse listOfUser(
			@PathVariable @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
			@RequestParam(defaultValue = "" + Listing.DEFAULT_LIMIT) @Min(value = 1,
					message = Listing.LIMIT_MESSAGE) @Max(value = Listing.MAX_LIMIT,
							message = Listing.LIMIT_MESSAGE) int limit,
			@RequestParam(required = false) @Nullable String before) {
		return page(this.videos.list(userName, PageCursor.parse(before), limit));
	}

	@GetMapping("/videos")
	VideoListResponse listAll(@RequestParam(defaultValue = "" + Listing.DEFAULT_LIMIT) @Min(value = 1,
			message = Listing.LIMIT_MESSAGE) @Max(value = Listing.MAX_LIMIT, message = Listing.LIMIT_MESSAGE) int limit,
			@RequestParam(required = false) @Nullable String before) {
		return page(this.videos.list(null, PageCursor.parse(before), limit));
	}

	@GetMapping("/videos/{vid}")
	VideoResponse get(@PathVariable String vid) {
		return VideoResponse.of(this.videos.get(vid));
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
