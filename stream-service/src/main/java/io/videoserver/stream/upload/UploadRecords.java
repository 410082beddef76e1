package io.videoserver.stream.upload;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.media.MediaInfo;
import io.videoserver.shared.transcode.TranscodeRequests;
import io.videoserver.stream.poster.Poster;
import io.videoserver.stream.poster.PosterRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a published upload in one short transaction: the video's size and media info,
 * its poster, the reservation given back and the video queued for transcoding, so that
 * the quota counts the video either as reserved or as stored, never both and never
 * neither, and no stored upload is left out of the queue.
 */
@Service
class UploadRecords {

	private final UploadQuota quota;

	private final UploadRepository uploads;

	private final PosterRepository posters;

	private final TranscodeRequests transcodes;

	UploadRecords(UploadQuota quota, UploadRepository uploads, PosterRepository posters, TranscodeRequests transcodes) {
		this.quota = quota;
		this.uploads = uploads;
		this.posters = posters;
		this.transcodes = transcodes;
	}

	/**
	 * Takes the author's lock first, as reservations do, then records the upload.
	 * @return false when the video was deleted during the upload (nothing is recorded)
	 */
	@Transactional
	public boolean record(String vid, StoredVideo video, @Nullable Poster poster, String reservation) {
		this.quota.lockAuthor(vid);
		if (!this.uploads.recordUpload(vid, video)) {
			return false;
		}
		this.posters.replace(vid, poster);
		this.quota.release(reservation);
		this.transcodes.enqueue(new VideoId(vid), TranscodeRequests.Source.VIDEO);
		return true;
	}

	/**
	 * Records an upload kept as it came ({@code {vid}.source}): its size for the quota,
	 * what ffprobe found, no poster until the transcoder makes one; queued to be made
	 * playable.
	 * @return false when the video was deleted during the upload (nothing is recorded)
	 */
	@Transactional
	public boolean recordSource(String vid, long size, MediaInfo info, String reservation) {
		this.quota.lockAuthor(vid);
		if (!this.uploads.recordSource(vid, size, info)) {
			return false;
		}
		this.posters.replace(vid, null);
		this.quota.release(reservation);
		this.transcodes.enqueue(new VideoId(vid), TranscodeRequests.Source.UPLOAD);
		return true;
	}

}
