package io.videoserver.stream.tus;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.videoserver.shared.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * One request at a time works on an upload (writes, completes or terminates it); the
 * others are refused at once with 423, which tus clients retry, instead of waiting.
 */
@Component
class TusLocks {

	private final Set<String> busy = ConcurrentHashMap.newKeySet();

	/**
	 * @throws TusException 423 while another request holds the upload
	 */
	Lock acquire(TusUpload upload) {
		if (!this.busy.add(upload.id())) {
			throw new TusException(TusException.LOCKED, ErrorCode.ALREADY_EXISTS,
					"Another request is writing this upload, try again shortly");
		}
		return () -> this.busy.remove(upload.id());
	}

	/** Held while one request works on an upload. */
	interface Lock extends AutoCloseable {

		@Override
		void close();

	}

}
