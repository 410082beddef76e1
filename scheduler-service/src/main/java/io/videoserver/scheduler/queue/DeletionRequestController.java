package io.videoserver.scheduler.queue;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.deletion.DeletionRequests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queues the deletion of a video's files, on the original's path (GET, as the original
 * did, and POST): for operators and legacy clients, since the api-service queues its own
 * deletions in the transaction that removes the metadata.
 */
@RestController
class DeletionRequestController {

	private static final Logger log = LoggerFactory.getLogger(DeletionRequestController.class);

	private final InternalToken token;

	private final DeletionRequests requests;

	DeletionRequestController(InternalToken token, DeletionRequests requests) {
		this.token = token;
		this.requests = requests;
	}

	@GetMapping("/video-delete-record/{vid}")
	QueuedResponse queueByGet(@PathVariable String vid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return queue(vid, authorization);
	}

	@PostMapping("/video-delete-record/{vid}")
	QueuedResponse queue(@PathVariable String vid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		this.token.require(authorization);
		VideoIds.require(vid);
		if (!this.requests.enqueue(vid)) {
			throw new ApiException(ErrorCode.ALREADY_EXISTS,
					"The video still exists; delete it through the api-service first");
		}
		log.info("Queued the deletion of video {}", vid);
		return new QueuedResponse(vid);
	}

}
