package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.file.Path;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Makes a completely received file the video's file and records its size and media info,
 * the one way in which every kind of upload (form, raw body, resumable) ends.
 */
@Component
public class UploadPublisher {

	private static final Logger log = LoggerFactory.getLogger(UploadPublisher.class);

	private final UploadStore store;

	private final UploadRepository uploads;

	UploadPublisher(UploadStore store, UploadRepository uploads) {
		this.store = store;
		this.uploads = uploads;
	}

	/**
	 * Checks, publishes and records a received file; the video becomes visible only now.
	 * @param vid a valid video id
	 * @param part the complete file, removed afterwards whatever happens
	 * @return what was stored
	 * @throws ApiException 415/009 for a non-MP4, 404/006 when the video was deleted
	 * meanwhile
	 * @throws IOException when the disk fails
	 */
	public UploadResponse publish(String vid, Path part) throws IOException {
		return record(vid, this.store.complete(vid, part));
	}

	UploadResponse record(String vid, StoredVideo stored) throws IOException {
		if (!this.uploads.recordUpload(vid, stored)) {
			this.store.delete(vid);
			throw new ApiException(ErrorCode.NOT_FOUND, "The video was deleted during the upload");
		}
		log.info("Stored video {} ({} bytes, {}{})", vid, stored.size(), stored.info(),
				stored.rewritten() ? ", moov moved to the front" : "");
		return new UploadResponse(vid, stored.size());
	}

}
