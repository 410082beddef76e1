package io.videoserver.stream.upload;

import java.io.IOException;

import io.videoserver.shared.VideoIds;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives a video's file from its owner: the original's multipart form ({@code POST
 * /upload/{vid}}) or a raw body ({@code PUT /videos/{vid}}, {@code curl -T}).
 */
@RestController
class UploadController {

	private final UploadAuthorizer authorizer;

	private final UploadStore store;

	private final UploadQuota quota;

	private final UploadPublisher publisher;

	UploadController(UploadAuthorizer authorizer, UploadStore store, UploadQuota quota, UploadPublisher publisher) {
		this.authorizer = authorizer;
		this.store = store;
		this.quota = quota;
		this.publisher = publisher;
	}

	@PostMapping("/upload/{vid}")
	@ResponseStatus(HttpStatus.CREATED)
	UploadResponse uploadForm(@PathVariable String vid, HttpServletRequest request) throws IOException {
		checkOwner(vid, request);
		try (UploadStore.Claim claim = this.store.claim(vid);
				Reservation reservation = this.quota.open(vid,
						MultipartBody.fileLength(request.getContentLengthLong()))) {
			return this.publisher.receive(vid, MultipartBody.filePart(request, this.store.maxSize()), reservation);
		}
	}

	@PutMapping("/videos/{vid}")
	@ResponseStatus(HttpStatus.CREATED)
	UploadResponse uploadRaw(@PathVariable String vid, HttpServletRequest request) throws IOException {
		checkOwner(vid, request);
		try (UploadStore.Claim claim = this.store.claim(vid);
				Reservation reservation = this.quota.open(vid, Math.max(0, request.getContentLengthLong()))) {
			return this.publisher.receive(vid, request.getInputStream(), reservation);
		}
	}

	/**
	 * Everything but the quota that can be refused without the body (the quota is
	 * reserved next, still before any byte is read), so a client is not kept sending.
	 */
	private void checkOwner(String vid, HttpServletRequest request) {
		VideoIds.require(vid);
		this.authorizer.requireOwner(request, vid);
	}

}
