// Sends a video's file straight to the stream-service by the tus protocol, with the
// reference client tus-js-client (vendor/tus.min.js, window.tus): after a cut connection
// or a restart of the stream-service it asks the server how much arrived and goes on
// from there. withCredentials, so the HttpOnly session cookie goes along.

import { ApiError, errorFrom } from './api.js';

export class UploadCancelled extends Error {
	constructor() {
		super('The upload was cancelled.');
	}
}

/** Waits between attempts: about four minutes in all, enough to outlast a restart of the stream-service. */
const RETRY_DELAYS = [0, 1000, 2000, 3000, 5000, 5000, 10000, 10000, 15000, 20000, 30000, 30000, 60000, 60000];

/**
 * @param onProgress called with the bytes the server has and the file's size
 * @param onRetry called when the connection broke and the upload will resume
 * @param requestId the id of the person's action, sent with every request of the upload
 * @returns {{done: Promise<object>, cancel: () => void}}
 */
export function uploadFile(streamUrl, vid, file, onProgress, onRetry = () => {}, requestId = null) {
	let upload;
	let fail;
	const done = new Promise((resolve, reject) => {
		fail = reject;
		upload = new window.tus.Upload(file, {
			endpoint: `${streamUrl}/tus/videos/${encodeURIComponent(vid)}`,
			retryDelays: RETRY_DELAYS,
			metadata: { filename: file.name, filetype: file.type || 'video/mp4' },
			storeFingerprintForResuming: false,
			headers: requestId ? { 'X-Request-Id': requestId } : {},
			onBeforeRequest: (request) => {
				request.getUnderlyingObject().withCredentials = true;
			},
			onProgress,
			onShouldRetry: (error) => {
				const retry = worthRetrying(error);
				if (retry) {
					onRetry();
				}
				return retry;
			},
			onSuccess: () => resolve({ video_id: vid, size: file.size }),
			onError: (error) => reject(failure(error)),
		});
		upload.start();
	});
	return {
		done,
		cancel: () => {
			// abort(true) also terminates the upload on the server (DELETE), freeing its disk space.
			upload.abort(true).catch(() => {});
			fail(new UploadCancelled());
		},
	};
}

/**
 * tus-js-client's own rule (server errors, no answer, 409 offset mismatch, 423 locked),
 * except that it also retries while the browser says it is offline: a cut network comes back.
 */
function worthRetrying(error) {
	const status = error.originalResponse ? error.originalResponse.getStatus() : 0;
	return status < 400 || status >= 500 || status === 409 || status === 423;
}

function failure(error) {
	const response = error.originalResponse;
	const status = response ? response.getStatus() : 0;
	if (status === 0) {
		return new ApiError(0, null,
			'The upload was interrupted: the video server could not be reached. Check your connection and try again.');
	}
	return errorFrom(status, parse(response.getBody()), response.getHeader('Retry-After'));
}

function parse(text) {
	try {
		return JSON.parse(text);
	}
	catch {
		return null;
	}
}
