package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.poster.Poster;
import io.videoserver.stream.poster.Posters;
import io.videoserver.stream.store.VideoStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in which every kind of upload (form, raw body, resumable) ends, as a line
 * of plain steps: the received file is checked (and rewritten to faststart order), its
 * poster decoded, its size admitted against the quota (a reservation, decided under a
 * short lock on the user), then published to the store outside any transaction (an upload
 * to S3 may take minutes, and must hold neither a lock nor a pooled connection), and
 * finally recorded with its media info and poster in one short transaction that also
 * gives the reservation back. A refused upload never touches the stored video; a video
 * deleted during the publication has its new file removed again.
 */
@Component
public class UploadPublisher {

	private static final Logger log = LoggerFactory.getLogger(UploadPublisher.class);

	private final UploadStore store;

	private final UploadQuota quota;

	private final UploadRepository uploads;

	private final Posters posters;

	private final VideoStore videos;

	private final LeaseHeartbeat heartbeat;

	private final TransactionTemplate transactions;

	private final UploadMetrics metrics;

	UploadPublisher(UploadStore store, UploadQuota quota, UploadRepository uploads, Posters posters, VideoStore videos,
			LeaseHeartbeat heartbeat, PlatformTransactionManager transactionManager, UploadMetrics metrics) {
		this.store = store;
		this.quota = quota;
		this.uploads = uploads;
		this.posters = posters;
		this.videos = videos;
		this.heartbeat = heartbeat;
		this.transactions = new TransactionTemplate(transactionManager);
		this.metrics = metrics;
	}

	/**
	 * Checks, publishes and records a completely received file; the video becomes visible
	 * only now.
	 * @param vid a valid video id
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
	public UploadResponse publish(String vid, Path received, String reservation, Duration hold) throws IOException {
		try (UploadStore.StagedVideo staged = this.store.stage(vid, received)) {
			StoredVideo stored = staged.stored();
			@Nullable Poster poster = this.posters.make(staged.file(), stored.info()).orElse(null);
			this.quota.reserve(reservation, vid, stored.size(), hold);
			try (LeaseHeartbeat.Registration renewal = this.heartbeat.keep(() -> this.quota.renew(reservation, hold))) {
				this.videos.publish(vid, staged.file());
				record(vid, stored, poster, reservation);
			}
			return stored(vid, stored);
		}
	}

	/**
	 * Streams a body to the staging directory within its reservation, then publishes it
	 * as {@link #publish(String, Path, String, Duration)} does.
	 */
	UploadResponse receive(String vid, InputStream body, Reservation reservation) throws IOException {
		Path part = this.store.receive(vid, body, reservation);
		try {
			return publish(vid, part, reservation.id(), this.heartbeat.ttl());
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	private void record(String vid, StoredVideo stored, @Nullable Poster poster, String reservation)
			throws IOException {
		boolean recorded = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			this.quota.lockAuthor(vid);
			if (!this.uploads.recordUpload(vid, stored)) {
				return false;
			}
			this.posters.replace(vid, poster);
			this.quota.release(reservation);
			return true;
		}));
		if (!recorded) {
			this.videos.delete(vid);
			throw new ApiException(ErrorCode.NOT_FOUND, "The video was deleted during the upload");
		}
	}

	private UploadResponse stored(String vid, StoredVideo stored) {
		this.metrics.stored(stored.size());
		log.info("Stored video {} ({} bytes, {}{})", vid, stored.size(), stored.info(),
				stored.rewritten() ? ", moov moved to the front" : "");
		return new UploadResponse(vid, stored.size());
	}

}
