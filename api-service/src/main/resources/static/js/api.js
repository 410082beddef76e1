// The api-service's endpoints as the pages use them, and the one place that turns an
// HTTP failure into a sentence a person can act on.

import { bytes } from './format.js';

export class ApiError extends Error {
	constructor(status, code, message) {
		super(message);
		this.status = status;
		this.code = code;
	}
}

export const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

/** A readable message for a failed call, from the legacy body {"error","error_code"}. */
export function errorFrom(status, body, retryAfter) {
	const said = body && typeof body.error === 'string' ? body.error : null;
	const code = body && body.error_code ? body.error_code : null;
	const wait = retryAfter ? ` Please try again in ${retryAfter} second${retryAfter === '1' ? '' : 's'}.` : ' Please try again shortly.';
	const messages = {
		0: NETWORK_MESSAGE,
		401: said || 'Please log in.',
		403: 'You are not allowed to do that.',
		404: 'This was not found. It may have been deleted.',
		413: tooLarge(said),
		415: 'This file is not a video the site can read. Please choose an MP4, MOV, MKV, WebM or AVI file.',
		429: 'The server is busy right now.' + wait,
		503: 'The service is temporarily unavailable.' + wait,
	};
	let message = messages[status];
	if (!message) {
		message = status >= 500 ? 'Something went wrong on our side. Please try again.' : said || `Unexpected answer from the server (HTTP ${status}).`;
	}
	if (status === 400 && said) {
		message = said.charAt(0).toUpperCase() + said.slice(1);
	}
	return new ApiError(status, code, message);
}

function tooLarge(said) {
	const left = said && /(\d+) bytes left/.exec(said);
	if (left) {
		return `The file does not fit in your storage space: ${bytes(Number(left[1]))} left. Delete a video to make room.`;
	}
	const limit = said && /(\d+) bytes/.exec(said);
	return limit ? `The file is too large: the limit is ${bytes(Number(limit[1]))}.` : 'The file is too large for this site.';
}

/**
 * A new id for one action of the person's, sent as X-Request-Id to every service the
 * action calls, so that their logs can be followed together. getRandomValues, because
 * randomUUID exists only on https pages.
 */
export function newRequestId() {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function call(method, path, body, requestId) {
	let response;
	try {
		response = await fetch(path, {
			method,
			credentials: 'same-origin',
			headers: {
				Accept: 'application/json',
				...(body ? { 'Content-Type': 'application/json' } : {}),
				...(requestId ? { 'X-Request-Id': requestId } : {}),
			},
			body: body ? JSON.stringify(body) : undefined,
		});
	}
	catch {
		throw new ApiError(0, null, NETWORK_MESSAGE);
	}
	const data = response.status === 204 ? null : await response.json().catch(() => null);
	if (!response.ok) {
		throw errorFrom(response.status, data, response.headers.get('Retry-After'));
	}
	return data;
}

const name = (value) => encodeURIComponent(value);

/** A list's address: its page (limit, before) and filters such as q, tag and order. */
function page(path, before, limit, filters = {}) {
	const query = new URLSearchParams({ limit: String(limit) });
	if (before) {
		query.set('before', before);
	}
	for (const [key, value] of Object.entries(filters)) {
		if (value) {
			query.set(key, value);
		}
	}
	return `${path}?${query}`;
}

export const api = {
	config: () => call('GET', '/ui/config'),
	me: () => call('GET', '/session'),
	register: (userName, pwd) => call('POST', '/user', { user_name: userName, pwd }),
	logIn: (userName, pwd) => call('POST', `/user/${name(userName)}`, { user_name: userName, pwd }),
	logOut: () => call('DELETE', '/session'),
	account: (userName) => call('GET', `/user/${name(userName)}`),
	/** order: 'views' for most viewed first, else newest first. */
	videos: (before, limit = 12, order = null) => call('GET', page('/videos', before, limit, { order })),
	search: (q, before, limit = 12) => call('GET', page('/videos', before, limit, { q })),
	tagged: (tag, before, limit = 12) => call('GET', page('/videos', before, limit, { tag })),
	videosOf: (userName, before, limit = 12) => call('GET', page(`/user/${name(userName)}/videos`, before, limit)),
	video: (vid) => call('GET', `/videos/${name(vid)}`),
	/** details: {name, description, tags, privacy}; absent fields take the server's defaults. */
	createVideo: (userName, details, requestId) => call('POST', `/user/${name(userName)}/videos`, details, requestId),
	/** changes: any of {name, description, tags, privacy}. */
	updateVideo: (userName, vid, changes) => call('PATCH', `/user/${name(userName)}/videos/${name(vid)}`, changes),
	deleteVideo: (userName, vid) => call('DELETE', `/user/${name(userName)}/videos/${name(vid)}`),
	comments: (vid, before, limit = 20) => call('GET', page(`/videos/${name(vid)}/comments`, before, limit)),
	postComment: (vid, content) => call('POST', `/videos/${name(vid)}/comments`, { content }),
};
