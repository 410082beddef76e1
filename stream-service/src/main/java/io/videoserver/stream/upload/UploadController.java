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

	private final UploadPublisher publisher;

	UploadController(UploadAuthorizer authorizer, UploadStore store, UploadPublisher publisher) {
		this.authorizer = authorizer;
		this.store = store;
		this.publisher = publisher;
	}

	@PostMapping("/upload/{vid}")
	@ResponseStatus(HttpStatus.CREATED)
	UploadResponse uploadForm(@PathVariable String vid, HttpServletRequest request) throws IOException {
		checkBeforeReading(vid, request);
		return store(vid, MultipartBody.filePart(request, this.store.maxSize()));
	}

	@PutMapping("/videos/{vid}")
	@ResponseStatus(HttpStatus.CREATED)
	UploadResponse uploadRaw(@PathVariable String vid, HttpServletRequest request) throws IOException {
		checkBeforeReading(vid, request);
		if (request.getContentLengthLong() > this.store.maxSize()) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
					"The video is larger than " + this.store.maxSize() + " bytes");
		}
		return store(vid, request.getInputStream());
	}

	/**
	 * Everything that can be refused without the body, so a client is not kept sending.
	 */
	private void checkBeforeReading(String vid, HttpServletRequest request) {
		VideoIds.require(vid);
		this.authorizer.requireOwner(request, vid);
	}

	private UploadResponse store(String vid, InputStream body) throws IOException {
		return this.publisher.record(vid, this.store.store(vid, body));
	}

}
