package io.videoserver.api.comment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.videoserver.api.session.SessionUser;
import io.videoserver.api.session.Viewer;
import io.videoserver.api.web.Listing;
import io.videoserver.api.web.PageCursor;
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
 * Comments on a video: any logged-in user may post, anyone may read; a private video's
 * comments are its owner's only.
 */
@RestController
class CommentController {

	private final CommentService comments;

	CommentController(CommentService comments) {
		this.comments = comments;
	}

	@PostMapping("/videos/{vid}/comments")
	ResponseEntity<CommentResponse> post(@PathVariable String vid, @Valid @RequestBody CreateCommentRequest request,
			SessionUser user) {
		user.requireAuthorId(request.authorId());
		Comment comment = this.comments.post(user, vid, request.content());
		return ResponseEntity.status(HttpStatus.CREATED).body(CommentResponse.of(comment));
	}

	@GetMapping("/videos/{vid}/comments")
	CommentListResponse list(@PathVariable String vid,
			@RequestParam(defaultValue = "" + Listing.DEFAULT_LIMIT) @Min(value = 1,
					message = Listing.LIMIT_MESSAGE) @Max(value = Listing.MAX_LIMIT,
							message = Listing.LIMIT_MESSAGE) int limit,
			@RequestParam(required = false) @Nullable String before, Viewer viewer) {
		Listing<Comment> page = this.comments.list(vid, viewer, PageCursor.parse(before), limit);
		return new CommentListResponse(page.items().stream().map(CommentResponse::of).toList(), page.nextValue());
	}

}
