package io.videoserver.api.comment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.videoserver.api.session.SessionUser;
import io.videoserver.api.web.Listing;
import io.videoserver.api.web.PageCursor;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoIds;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments on a video: any logged-in user may post, anyone may read.
 */
@RestController
class CommentController {

	private final CommentRepository comments;

	CommentController(CommentRepository comments) {
		this.comments = comments;
	}

	@PostMapping("/videos/{vid}/comments")
	ResponseEntity<CommentResponse> post(@PathVariable String vid, @Valid @RequestBody CreateCommentRequest request,
			SessionUser user) {
		VideoIds.require(vid);
		user.requireAuthorId(request.authorId());
		String id = VideoIds.newId();
		if (!this.comments.insertIfVideoExists(id, vid, user.userId(), request.content())) {
			throw noSuchVideo();
		}
		Comment comment = this.comments.findById(id).orElseThrow(CommentController::noSuchVideo);
		return ResponseEntity.status(HttpStatus.CREATED).body(CommentResponse.of(comment));
	}

	@GetMapping("/videos/{vid}/comments")
	CommentListResponse list(@PathVariable String vid,
			@RequestParam(defaultValue = "" + Listing.DEFAULT_LIMIT) @Min(value = 1,
					message = Listing.LIMIT_MESSAGE) @Max(value = Listing.MAX_LIMIT,
							message = Listing.LIMIT_MESSAGE) int limit,
			@RequestParam(required = false) @Nullable String before) {
		VideoIds.require(vid);
		PageCursor cursor = PageCursor.parse(before);
		List<Comment> rows = this.comments.list(vid, cursor, limit + 1);
		// one statement for a page; a second only to tell an unknown video from a quiet
		// one
		if (rows.isEmpty() && !this.comments.videoExists(vid)) {
			throw noSuchVideo();
		}
		Listing<Comment> page = Listing.of(rows, limit, comment -> new PageCursor(comment.time(), comment.seq()));
		return new CommentListResponse(page.items().stream().map(CommentResponse::of).toList(), page.nextValue());
	}

	private static ApiException noSuchVideo() {
		return new ApiException(ErrorCode.NOT_FOUND, "No such video");
	}

}
