package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import io.videoserver.stream.poster.Poster;
import io.videoserver.stream.poster.Posters;
import io.videoserver.stream.store.VideoStore;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The one path of every upload (form, raw body, resumable), as a line of plain calls: the
 * bytes are received, checked into a faststart MP4, admitted (owner, size, quota,
 * container), published to the store outside any transaction (an upload to S3 may take
 * minutes, and must hold neither a lock nor a pooled connection) and recorded. A refused
 * upload never touches the stored video; a video deleted during the publication has its
 * new file removed again.
 */
@Component
public class VideoUploads {

	private static final Logger log = LoggerFactory.getLogger(VideoUploads.class);

	private final UploadAdmission admission;

	private final UploadStaging staging;

	private final Posters posters;

	private final VideoStore videos;

	private final UploadRecords records;

	private final UploadQuota quota;

	private final LeaseHeartbeat heartbeat;

	private final UploadMetrics metrics;

	VideoUploads(UploadAdmission admission, UploadStaging staging, Posters posters, VideoStore videos,
			UploadRecords records, UploadQuota quota, LeaseHeartbeat heartbeat, UploadMetrics metrics) {
		this.admission = admission;
		this.staging = staging;
		this.posters = posters;
		this.videos = videos;
		this.records = records;
		this.quota = quota;
		this.heartbeat = heartbeat;
		this.metrics = metrics;
	}

	/**
	 * Receives a form or raw upload whole and completes it. Everything but the quota that
	 * can be refused without the body is checked first, then the quota is reserved, still
	 * before any byte is read, so that a client is not kept sending.
	 * @throws ApiException 401/002, 403/007, 404/006, 409/005 while another upload of the
	 * video runs here, 413/008, 415/009, 400/001 when the client broke off
	 */
	UploadResponse upload(HttpServletRequest request, VideoId vid, UploadBody body) throws IOException {
		this.admission.requireOwner(request, vid);
		try (UploadStaging.Claim claim = this.staging.claim(vid.value());
				Reservation reservation = this.admission.reserve(vid.value(), body.declaredBytes())) {
			Path received = this.staging.receive(vid.value(), body.open(), reservation);
			try {
				return complete(vid, received, reservation.id(), this.heartbeat.ttl());
			}
			finally {
				Files.deleteIfExists(received);
			}
		}
	}

	/**
	 * Checks, admits, publishes and records a completely received file; the video becomes
	 * visible only now.
	 * @param vid the video
	 * @param received the complete file below the staging directory, left as it is: the
	 * caller removes it once the video is recorded, and keeps it to retry after a failure
	 * @param reservation the upload's reservation of space, set to the file's size here;
	 * given back once the video is recorded, kept (for {@code hold}) after a failure
	 * @param hold how long the reservation lasts after a failure
	 * @return what was stored
	 * @throws ApiException 415/009 for a non-MP4, 413/008 when the quota has no room for
	 * it any more, 404/006 when the video was deleted meanwhile
	 * @throws IOException when the disk or the store fails
	 * @throws org.springframework.dao.DataAccessException when the database fails
	 */
	public UploadResponse complete(VideoId vid, Path received, String reservation, Duration hold) throws IOException {
		try (UploadStaging.CheckedFile checked = this.staging.check(vid.value(), received)) {
			@Nullable Poster poster = this.posters.make(checked.file(), checked.video().info()).orElse(null);
			this.admission.admitStored(reservation, vid.value(), checked.video().size(), hold);
			try (LeaseHeartbeat.Registration renewal = this.heartbeat.keep(() -> this.quota.renew(reservation, hold))) {
				this.videos.publish(vid, checked.file());
				record(vid, checked.video(), poster, reservation);
			}
			return stored(vid, checked.video());
		}
	}

	private void record(VideoId vid, StoredVideo video, @Nullable Poster poster, String reservation)
			throws IOException {
		if (!this.records.record(vid.value(), video, poster, reservation)) {
			this.videos.delete(vid);
			throw new ApiException(ErrorCode.NOT_FOUND, "The video was deleted during the upload");
		}
	}

	private UploadResponse stored(VideoId vid, StoredVideo video) {
		this.metrics.stored(video.size());
		log.info("Stored video {} ({} bytes, {}{})", vid, video.size(), video.info(),
				video.rewritten() ? ", moov moved to the front" : "");
		return new UploadResponse(vid.value(), video.size());
	}

}
