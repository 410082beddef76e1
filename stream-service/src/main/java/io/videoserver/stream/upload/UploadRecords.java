package io.videoserver.stream.upload;

import io.videoserver.stream.poster.Poster;
import io.videoserver.stream.poster.PosterRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a published upload in one short transaction: the video's size and media info,
 * its poster, and the reservation given back, so that the quota counts the video either
 * as reserved or as stored, never both and never neither.
 */
@Service
class UploadRecords {

	private final UploadQuota quota;

	private final UploadRepository uploads;

	private final PosterRepository posters;

	UploadRecords(UploadQuota quota, UploadRepository uploads, PosterRepository posters) {
		this.quota = quota;
		this.uploads = uploads;
		this.posters = posters;
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
		return true;
	}

}
