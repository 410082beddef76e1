package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.media.MediaInfo;
import io.videoserver.shared.media.MediaProbe;
import io.videoserver.shared.media.NotAVideoException;
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
 * bytes are received, checked into a faststart MP4 (or probed and kept as they came for
 * the transcoder), admitted (owner, size, quota, container), published to the store
 * outside any transaction (an upload to S3 may take minutes, and must hold neither a lock
 * nor a pooled connection) and recorded. A refused upload never touches the stored video;
 * a video deleted during the publication has its new file removed again.
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

	private final MediaProbe probe;

	private final DiskSpace space;

	VideoUploads(UploadAdmission admission, UploadStaging staging, Posters posters, VideoStore videos,
			UploadRecords records, UploadQuota quota, LeaseHeartbeat heartbeat, UploadMetrics metrics, MediaProbe probe,
			DiskSpace space) {
		this.probe = probe;
		this.space = space;
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
	 * video runs here, 413/008, 415/009, 400/001 when the client broke off, 507/013 when
	 * the disk cannot hold the declared size or fills up on the way
	 */
	UploadResponse upload(HttpServletRequest request, VideoId vid, UploadBody body) throws IOException {
		this.admission.requireOwner(request, vid);
		this.space.requireRoom(body.declaredBytes());
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
	 * visible only now. An MP4 that browsers play as it is (H.264 with AAC or no audio)
	 * is published as the video and plays at once; any other video is probed with ffprobe
	 * and kept as it came ({@code {vid}.source}) for the transcoder. Either is queued for
	 * transcoding in the transaction that records it.
	 * @param vid the video
	 * @param received the complete file below the staging directory, left as it is: the
	 * caller removes it once the video is recorded, and keeps it to retry after a failure
	 * @param reservation the upload's reservation of space, set to the file's size here;
	 * given back once the video is recorded, kept (for {@code hold}) after a failure
	 * @param hold how long the reservation lasts after a failure
	 * @return what was stored
	 * @throws ApiException 415/009 for a file that is not a video (with ffprobe's reason)
	 * or a damaged MP4, 413/008 when the quota has no room for it any more, 404/006 when
	 * the video was deleted meanwhile
	 * @throws IOException when the disk, ffprobe or the store fails
	 * @throws org.springframework.dao.DataAccessException when the database fails
	 */
	public UploadResponse complete(VideoId vid, Path received, String reservation, Duration hold) throws IOException {
		UploadStaging.CheckedFile playable = this.staging.checkPlayable(vid.value(), received);
		if (playable == null) {
			return completeSource(vid, received, reservation, hold);
		}
		try (UploadStaging.CheckedFile checked = playable) {
			@Nullable Poster poster = this.posters.make(checked.file(), checked.video().info()).orElse(null);
			this.admission.admitStored(reservation, vid.value(), checked.video().size(), hold);
			try (LeaseHeartbeat.Registration renewal = this.heartbeat.keep(() -> this.quota.renew(reservation, hold))) {
				this.videos.publish(vid, checked.file());
				if (!this.records.record(vid.value(), checked.video(), poster, reservation)) {
					this.videos.delete(vid);
					throw deletedMeanwhile();
				}
			}
			dropOldSource(vid);
			return stored(vid, checked.video().size(), checked.video().info().toString(),
					checked.video().rewritten() ? ", moov moved to the front" : "");
		}
	}

	/**
	 * Keeps an upload that browsers cannot play as it is for the transcoder, once ffprobe
	 * has found a video in it; the size it takes is the upload's own.
	 */
	private UploadResponse completeSource(VideoId vid, Path received, String reservation, Duration hold)
			throws IOException {
		MediaInfo info = probe(received);
		long size = Files.size(received);
		this.admission.admitStored(reservation, vid.value(), size, hold);
		try (UploadStaging.SourceFile source = this.staging.source(vid.value(), received);
				LeaseHeartbeat.Registration renewal = this.heartbeat.keep(() -> this.quota.renew(reservation, hold))) {
			this.videos.publishSource(vid, source.file());
			if (!this.records.recordSource(vid.value(), size, info, reservation)) {
				this.videos.deleteSource(vid);
				throw deletedMeanwhile();
			}
		}
		return stored(vid, size, info.toString(), ", kept for transcoding");
	}

	private MediaInfo probe(Path received) throws IOException {
		try {
			return this.probe.probe(received);
		}
		catch (NotAVideoException ex) {
			throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ex.getMessage());
		}
	}

	/** The answer once the file published for a video deleted meanwhile is removed. */
	private static ApiException deletedMeanwhile() {
		return new ApiException(ErrorCode.NOT_FOUND, "The video was deleted during the upload");
	}

	/**
	 * A source kept from an earlier upload of the video is not this upload's: the
	 * transcoder is queued for the playable file now.
	 */
	private void dropOldSource(VideoId vid) {
		try {
			this.videos.deleteSource(vid);
		}
		catch (IOException ex) {
			log.warn("The earlier upload kept for video {} was not removed: {}", vid, ex.toString());
		}
	}

	private UploadResponse stored(VideoId vid, long size, String info, String note) {
		this.metrics.stored(size);
		log.info("Stored video {} ({} bytes, {}{})", vid, size, info, note);
		return new UploadResponse(vid.value(), size);
	}

}
