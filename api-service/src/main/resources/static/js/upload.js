// Sends a video's file straight to the stream-service. XMLHttpRequest, because fetch
// reports no upload progress; withCredentials, so the HttpOnly session cookie goes along.

import { ApiError, errorFrom } from './api.js';

export class UploadCancelled extends Error {
	constructor() {
		super('The upload was cancelled.');
	}
}

/**
 * @returns {{done: Promise<object>, cancel: () => void}}
 */
export function uploadFile(streamUrl, vid, file, onProgress) {
	const xhr = new XMLHttpRequest();
	const done = new Promise((resolve, reject) => {
		xhr.open('POST', `${streamUrl}/upload/${encodeURIComponent(vid)}`);
		xhr.withCredentials = true;
		xhr.upload.addEventListener('progress', (event) => {
			if (event.lengthComputable) {
				onProgress(event.loaded, event.total);
			}
		});
		xhr.addEventListener('load', () => {
			const body = parse(xhr.responseText);
			if (xhr.status >= 200 && xhr.status < 300) {
				resolve(body);
			}
			else {
				reject(errorFrom(xhr.status, body, xhr.getResponseHeader('Retry-After')));
			}
		});
		xhr.addEventListener('error', () => reject(new ApiError(0, null,
			'The upload was interrupted: the video server could not be reached. Check your connection and try again.')));
		xhr.addEventListener('abort', () => reject(new UploadCancelled()));
		const form = new FormData();
		form.append('file', file, file.name);
		xhr.send(form);
	});
	return { done, cancel: () => xhr.abort() };
}

function parse(text) {
	try {
		return JSON.parse(text);
	}
	catch {
		return null;
	}
}
