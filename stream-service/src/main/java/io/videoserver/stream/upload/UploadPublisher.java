package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.stream.poster.Poster;
import io.videoserver.stream.poster.Posters;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a complete, checked upload: its poster is decoded first (outside any lock),
 * then in one transaction that holds the uploader's row the quota is checked again, the
 * size, media info and poster are recorded, and the file is published to the store; a
 * refused upload never touches the stored video. (With the S3 store the publication, an
 * upload to the bucket, runs inside that transaction: the user's row stays locked while
 * it lasts, which only makes that user's other uploads wait to complete.)
 */
@Component
class UploadPublisher {

	private final UploadQuota quota;

	private final UploadRepository uploads;

	private final Posters posters;

	private final TransactionTemplate transactions;

	UploadPublisher(UploadQuota quota, UploadRepository uploads, Posters posters,
			PlatformTransactionManager transactionManager) {
		this.quota = quota;
		this.uploads = uploads;
		this.posters = posters;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * @param vid the video
	 * @param stored what the upload holds
	 * @param file the complete file on the local disk
	 * @param move publishes the file to the store
	 * @throws ApiException 413/008 when the quota has no room for it any more, 404/006
	 * when the video was deleted
	 */
	void publish(String vid, StoredVideo stored, Path file, UploadStore.StoreWrite move) throws IOException {
		@Nullable Poster poster = this.posters.make(file, stored.info()).orElse(null);
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.quota.requireRoomLocked(vid, stored.size());
				if (!this.uploads.recordUpload(vid, stored)) {
					throw new ApiException(ErrorCode.NOT_FOUND, "The video was deleted during the upload");
				}
				this.posters.replace(vid, poster);
				run(move);
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static void run(UploadStore.StoreWrite move) {
		try {
			move.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
