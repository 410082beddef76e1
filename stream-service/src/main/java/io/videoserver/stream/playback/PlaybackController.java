package io.videoserver.stream.playback;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.stream.StreamProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Plays a video: {@code GET} and {@code HEAD /videos/{vid}} with RFC 9110 byte ranges and
 * conditional requests, as an HTML5 player needs for seeking.
 */
@Controller
class PlaybackController {

	private static final Logger log = LoggerFactory.getLogger(PlaybackController.class);

	private final VideoFiles files;

	private final boolean sendfile;

	private final Transfers transfers;

	PlaybackController(VideoFiles files, StreamProperties properties, Transfers transfers) {
		this.files = files;
		this.sendfile = properties.stream().sendfile();
		this.transfers = transfers;
	}

	/**
	 * Streams the video, or answers 304, 412 or 416 with a body of its own.
	 * @return the short answer, or null when the file was written to the response
	 */
	@RequestMapping(path = "/videos/{vid}", method = { RequestMethod.GET, RequestMethod.HEAD })
	@Nullable ResponseEntity<?> play(@PathVariable String vid, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		boolean head = "HEAD".equals(request.getMethod());
		try (VideoFile file = this.files.open(vid)) {
			Validators validators = file.validators();
			Plan plan = RangePlanner.plan(conditions(request, head), validators);
			RangeResponder.writeValidators(response, validators);
			switch (plan.status()) {
				case 304:
					return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
				case 412:
					return ErrorResponses.entity(HttpStatus.PRECONDITION_FAILED, ErrorCode.BAD_REQUEST,
							"Precondition failed");
				case 416:
					HttpHeaders unsatisfiable = new HttpHeaders();
					unsatisfiable.set(HttpHeaders.CONTENT_RANGE, "bytes */" + validators.size());
					return ErrorResponses.entity(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, unsatisfiable,
							ErrorCode.RANGE_NOT_SATISFIABLE, "Range not satisfiable");
				default:
					if (!head) {
						Optional<URI> direct = this.files.directUri(vid);
						if (direct.isPresent()) {
							return redirect(direct.get());
						}
					}
					sendQuietly(file, plan, head, request, response);
					return null;
			}
		}
	}

	/**
	 * The store serves the bytes itself (S3 with a presigned address): the client repeats
	 * its Range and conditions there; the address must not be cached past its lifetime.
	 */
	private static ResponseEntity<?> redirect(URI direct) {
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(direct)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}

	/** A viewer who seeks or closes the tab aborts the transfer; that is no error. */
	private void sendQuietly(VideoFile file, Plan plan, boolean head, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		try {
			RangeResponder.send(file, plan, head, this.sendfile, request, response, this.transfers);
		}
		catch (IOException ex) {
			if (!response.isCommitted()) {
				throw ex;
			}
			log.debug("Playback ended by the client: {}", ex.toString());
		}
	}

	private static Conditions conditions(HttpServletRequest request, boolean head) {
		return new Conditions(head, request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE),
				request.getHeader(HttpHeaders.IF_MATCH), request.getHeader(HttpHeaders.IF_NONE_MATCH),
				date(request, HttpHeaders.IF_MODIFIED_SINCE), date(request, HttpHeaders.IF_UNMODIFIED_SINCE));
	}

	private static long date(HttpServletRequest request, String name) {
		try {
			return request.getDateHeader(name);
		}
		catch (IllegalArgumentException ex) {
			return -1; // an invalid date is ignored (RFC 9110 §13.1.3)
		}
	}

}
