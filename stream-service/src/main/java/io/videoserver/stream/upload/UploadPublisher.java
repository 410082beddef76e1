package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.poster.Poster;
import io.videoserver.stream.poster.Posters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in which every kind of upload (form, raw body, resumable) ends: the checked
 * file's poster is decoded first (outside any lock), then in one transaction that holds
 * the uploader's row the quota is checked again, the size, media info and poster are
 * recorded, and the file is published to the store; a refused upload never touches the
 * stored video. (With the S3 store the publication, an upload to the bucket, runs inside
 * that transaction: the user's row stays locked while it lasts, which only makes that
 * user's other uploads wait to complete.)
 */
@Component
public class UploadPublisher {

	private static final Logger log = LoggerFactory.getLogger(UploadPublisher.class);

	private final UploadStore store;

	private final UploadQuota quota;

	private final UploadRepository uploads;

	private final Posters posters;

	private final TransactionTemplate transactions;

	private final UploadMetrics metrics;

	UploadPublisher(UploadStore store, UploadQuota quota, UploadRepository uploads, Posters posters,
			PlatformTransactionManager transactionManager, UploadMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
		this.quota = quota;
		this.uploads = uploads;
		this.posters = posters;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Checks, publishes and records a completely received file; the video becomes visible
	 * only now.
	 * @param vid a valid video id
	 * @param part the complete file below the staging directory, left as it is: the
	 * caller removes it once the video is recorded, and keeps it to retry after a failure
	 * @return what was stored
	 * @throws ApiException 415/009 for a non-MP4, 413/008 when the quota has no room for
	 * it any more, 404/006 when the video was deleted meanwhile
	 * @throws IOException when the disk or the store fails
	 * @throws org.springframework.dao.DataAccessException when the database fails
	 */
	public UploadResponse publish(String vid, Path part) throws IOException {
		return stored(vid, this.store.complete(vid, part, true, publication(vid)));
	}

	/**
	 * Streams a body to the staging directory within the limit, then publishes it as
	 * {@link #publish(String, Path)} does.
	 */
	UploadResponse receive(String vid, InputStream body, UploadLimit limit) throws IOException {
		return stored(vid, this.store.store(vid, body, limit, publication(vid)));
	}

	private UploadStore.Publication publication(String vid) {
		return (stored, file, write) -> publishChecked(vid, stored, file, write);
	}

	private void publishChecked(String vid, StoredVideo stored, Path file, UploadStore.StoreWrite write)
			throws IOException {
		@Nullable Poster poster = this.posters.make(file, stored.info()).orElse(null);
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.quota.requireRoomLocked(vid, stored.size());
				if (!this.uploads.recordUpload(vid, stored)) {
					throw new ApiException(ErrorCode.NOT_FOUND, "The video was deleted during the upload");
				}
				this.posters.replace(vid, poster);
				run(write);
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static void run(UploadStore.StoreWrite write) {
		try {
			write.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private UploadResponse stored(String vid, StoredVideo stored) {
		this.metrics.stored(stored.size());
		log.info("Stored video {} ({} bytes, {}{})", vid, stored.size(), stored.info(),
				stored.rewritten() ? ", moov moved to the front" : "");
		return new UploadResponse(vid, stored.size());
	}

}
