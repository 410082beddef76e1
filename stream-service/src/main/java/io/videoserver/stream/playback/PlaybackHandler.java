package io.videoserver.stream.playback;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;
import io.videoserver.shared.VideoId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Answers a {@code GET} or {@code HEAD} of a video on the servlet response, with RFC 9110
 * byte ranges and conditional requests as an HTML5 player needs for seeking: the one
 * handler behind both the {@link PlaybackFilter} and the {@link PlaybackController}, so
 * that both check privacy ({@link PlaybackAccess}) and count views
 * ({@link PlaybackViews}) alike.
 */
@Component
class PlaybackHandler {

	private static final Logger log = LoggerFactory.getLogger(PlaybackHandler.class);

	private final PlaybackFiles files;

	private final RangeResponder responder;

	private final ErrorResponses errors;

	private final PlaybackAccess access;

	private final PlaybackViews views;

	PlaybackHandler(PlaybackFiles files, RangeResponder responder, ErrorResponses errors, PlaybackAccess access,
			PlaybackViews views) {
		this.files = files;
		this.responder = responder;
		this.errors = errors;
		this.access = access;
		this.views = views;
	}

	/**
	 * Streams the video, or answers 302, 304, 412 or 416.
	 * @param vid the checked id from the request path
	 * @throws ApiException 404/006 when there is no such video, or it is private and the
	 * request lacks its owner's session
	 * @throws IOException when the store fails, or the client went away before the
	 * headers were sent
	 */
	void play(VideoId vid, HttpServletRequest request, HttpServletResponse response) throws IOException {
		PlaybackExchange exchange = PlaybackExchange.of(request, response);
		PlaybackAccess.Viewing viewing = this.access.require(vid, request);
		try (VideoFile file = this.files.open(vid)) {
			Plan plan = RangePlanner.plan(exchange.conditions(), file.validators());
			if (!answered(file, plan, exchange.response())) {
				if (PlaybackViews.startsAtZero(exchange, plan)) {
					this.views.count(vid, viewing, exchange);
				}
				send(vid, file, plan, exchange);
			}
		}
	}

	/**
	 * Sends a file of a published HLS ladder, or answers 304, 412 or 416, by the same
	 * rules as a video; never redirected (a player resolves the playlist's relative
	 * segment names against the address it was given).
	 * @throws ApiException 404/006 when there is no such file, or the video is private
	 * and the request lacks its owner's session
	 * @throws IOException when the store fails, or the client went away before the
	 * headers were sent
	 */
	void play(LadderFile ladder, HttpServletRequest request, HttpServletResponse response) throws IOException {
		PlaybackExchange exchange = PlaybackExchange.of(request, response);
		PlaybackAccess.Viewing viewing = this.access.require(ladder.vid(), request);
		try (VideoFile file = this.files.open(ladder)) {
			Plan plan = RangePlanner.plan(exchange.conditions(), file.validators());
			if (!answered(file, plan, exchange.response())) {
				if (PlaybackViews.isFirstSegment(ladder) && PlaybackViews.startsAtZero(exchange, plan)) {
					this.views.count(ladder.vid(), viewing, exchange);
				}
				sendQuietly(file, plan, exchange);
			}
		}
	}

	/**
	 * Writes the validators and answers a request whose conditions or range leave no body
	 * to send (304, 412, 416).
	 * @return whether the answer is complete
	 */
	private boolean answered(VideoFile file, Plan plan, HttpServletResponse response) throws IOException {
		Validators validators = file.validators();
		RangeResponder.writeValidators(response, validators);
		if (plan.status() != 412 && plan.status() != 416 && file.cacheControl() != null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, file.cacheControl());
		}
		switch (plan.status()) {
			case 304 -> response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			case 412 -> this.errors.write(response, HttpServletResponse.SC_PRECONDITION_FAILED, ErrorCode.BAD_REQUEST,
					"Precondition failed");
			case 416 -> {
				response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + validators.size());
				this.errors.write(response, ErrorCode.RANGE_NOT_SATISFIABLE, "Range not satisfiable", 0);
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	/**
	 * Redirects a GET to the store when it serves the bytes itself (S3 with a presigned
	 * address): the client repeats its Range and conditions there; the address must not
	 * be cached past its lifetime.
	 */
	private void send(VideoId vid, VideoFile file, Plan plan, PlaybackExchange exchange) throws IOException {
		Optional<URI> direct = exchange.head() ? Optional.empty() : this.files.directUri(vid);
		if (direct.isPresent()) {
			HttpServletResponse response = exchange.response();
			response.setStatus(HttpServletResponse.SC_FOUND);
			response.setHeader(HttpHeaders.LOCATION, direct.get().toASCIIString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return;
		}
		sendQuietly(file, plan, exchange);
	}

	/** A viewer who seeks or closes the tab aborts the transfer; that is no error. */
	private void sendQuietly(VideoFile file, Plan plan, PlaybackExchange exchange) throws IOException {
		try {
			this.responder.send(file, plan, exchange);
		}
		catch (IOException ex) {
			if (!exchange.response().isCommitted()) {
				throw ex;
			}
			log.debug("Playback ended by the client: {}", ex.toString());
		}
	}

}
