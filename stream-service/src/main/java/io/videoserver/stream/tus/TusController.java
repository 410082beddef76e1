package io.videoserver.stream.tus;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tus 1.0.0 endpoints: {@code POST /tus/videos/{vid}} creates an upload for a video
 * of the caller's (optionally with its first chunk), {@code HEAD}, {@code PATCH} and
 * {@code DELETE /tus/uploads/{id}} resume, continue and terminate it.
 */
@RestController
class TusController {

	static final String OFFSET_STREAM = "application/offset+octet-stream";

	static final String EXTENSIONS = "creation,creation-with-upload,termination,expiration,checksum";

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final TusUploads uploads;

	private final TusUploadFiles files;

	TusController(TusUploads uploads, TusUploadFiles files) {
		this.uploads = uploads;
		this.files = files;
	}

	@RequestMapping(path = { "/tus/videos/{vid}", "/tus/uploads/{id}" }, method = RequestMethod.OPTIONS)
	ResponseEntity<Void> options() {
		return ResponseEntity.noContent()
			.header("Tus-Version", TusProtocolFilter.VERSION)
			.header("Tus-Max-Size", Long.toString(this.uploads.maxSize()))
			.header("Tus-Extension", EXTENSIONS)
			.header("Tus-Checksum-Algorithm", UploadChecksum.ANNOUNCED)
			.build();
	}

	@PostMapping("/tus/videos/{vid}")
	ResponseEntity<Void> create(@PathVariable String vid, @RequestHeader("Upload-Length") String length,
			@RequestHeader(name = "Upload-Metadata", required = false) @Nullable String metadata,
			HttpServletRequest request) throws IOException {
		TusUpload upload = this.uploads.create(request, new VideoId(vid), number("Upload-Length", length), metadata);
		ResponseEntity.BodyBuilder created = ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/tus/uploads/{id}")
			.buildAndExpand(upload.id())
			.toUri());
		if (OFFSET_STREAM.equals(request.getContentType())) {
			long offset = this.uploads.append(upload, 0, request.getInputStream(), request.getContentLengthLong(),
					UploadChecksum.parse(request.getHeader("Upload-Checksum")));
			created.header("Upload-Offset", Long.toString(offset));
		}
		return created.header("Upload-Expires", expires(upload)).build();
	}

	@RequestMapping(path = "/tus/uploads/{id}", method = RequestMethod.HEAD)
	ResponseEntity<Void> head(@PathVariable String id, HttpServletRequest request) throws IOException {
		TusUpload upload = this.uploads.authorized(request, id);
		ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Upload-Offset", Long.toString(this.uploads.offset(upload)))
			.header("Upload-Length", Long.toString(upload.length()))
			.header("Upload-Expires", expires(upload));
		if (upload.metadata() != null) {
			answer.header("Upload-Metadata", upload.metadata());
		}
		return answer.build();
	}

	@PatchMapping("/tus/uploads/{id}")
	ResponseEntity<Void> patch(@PathVariable String id, @RequestHeader("Upload-Offset") String offset,
			HttpServletRequest request) throws IOException {
		TusUpload upload = this.uploads.authorized(request, id);
		if (!OFFSET_STREAM.equals(request.getContentType())) {
			throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "A chunk must be sent as " + OFFSET_STREAM);
		}
		UploadChecksum checksum = UploadChecksum.parse(request.getHeader("Upload-Checksum"));
		long next = this.uploads.append(upload, number("Upload-Offset", offset), request.getInputStream(),
				request.getContentLengthLong(), checksum);
		return ResponseEntity.noContent()
			.header("Upload-Offset", Long.toString(next))
			.header("Upload-Expires", expires(upload))
			.build();
	}

	@DeleteMapping("/tus/uploads/{id}")
	ResponseEntity<Void> terminate(@PathVariable String id, HttpServletRequest request) throws IOException {
		this.uploads.terminate(this.uploads.authorized(request, id));
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	private String expires(TusUpload upload) throws IOException {
		return HTTP_DATE.format(this.files.expires(upload.id()));
	}

	private static long number(String header, String value) {
		try {
			long number = Long.parseLong(value.trim());
			if (number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new ApiException(ErrorCode.BAD_REQUEST, header + " must be a non-negative integer");
	}

}
