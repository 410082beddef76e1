package io.videoserver.stream.upload;

import java.io.IOException;

import io.videoserver.shared.VideoId;
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

	private final VideoUploads uploads;

	private final UploadAdmission admission;

	UploadController(VideoUploads uploads, UploadAdmission admission) {
		this.uploads = uploads;
		this.admission = admission;
	}

	@PostMapping("/upload/{vid}")
	@ResponseStatus(HttpStatus.CREATED)
	UploadResponse uploadForm(@PathVariable String vid, HttpServletRequest request) throws IOException {
		return this.uploads.upload(request, new VideoId(vid), new MultipartBody(request, this.admission.maxSize()));
	}

	@PutMapping("/videos/{vid}")
	@ResponseStatus(HttpStatus.CREATED)
	UploadResponse uploadRaw(@PathVariable String vid, HttpServletRequest request) throws IOException {
		return this.uploads.upload(request, new VideoId(vid), UploadBody.raw(request));
	}

}
