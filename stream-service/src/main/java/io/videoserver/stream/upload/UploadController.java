package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
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
		UploadLimit limit = checkBeforeReading(vid, request, MultipartBody.fileLength(request.getContentLengthLong()));
		return store(vid, MultipartBody.filePart(request, this.store.maxSize()), limit);
	}

	@PutMapping("/videos/{vid}")
	@ResponseStatus(HttpStatus.CREATED)
	UploadResponse uploadRaw(@PathVariable String vid, HttpServletRequest request) throws IOException {
		UploadLimit limit = checkBeforeReading(vid, request, Math.max(0, request.getContentLengthLong()));
		return store(vid, request.getInputStream(), limit);
	}

	/**
	 * Everything that can be refused without the body, so a client is not kept sending.
	 * @param declaredBytes the file's size as the request announces it, 0 when unknown
	 * @return how much the body may bring
	 */
	private UploadLimit checkBeforeReading(String vid, HttpServletRequest request, long declaredBytes) {
		VideoIds.require(vid);
		this.authorizer.requireOwner(request, vid);
		return this.quota.admit(vid, declaredBytes);
	}

	private UploadResponse store(String vid, InputStream body, UploadLimit limit) throws IOException {
		return this.publisher.receive(vid, body, limit);
	}

}
