// The storage quota as the logged-in person sees it: how much their videos take, how much
// is left, and the check that refuses a file before it is sent (the server checks again).

import { h } from './dom.js';
import { api } from './api.js';
import { bytes } from './format.js';
import { session } from './state.js';

/** The person's storage: {quota, used, left}. */
export async function loadStorage() {
	const account = await api.account(session.me.user_name);
	return { quota: account.quota_bytes, used: account.used_bytes, left: Math.max(0, account.quota_bytes - account.used_bytes) };
}

/** The most a new file may have: the size limit or the space left, whichever is less. */
function largestFile(storage) {
	const max = session.uploadMaxBytes;
	return max !== null && max < storage.left ? max : storage.left;
}

/**
 * Why this file cannot be uploaded, as a sentence, or null when it fits.
 * @param replaced the size of the file an upload replaces (its space is freed), or 0
 */
export function fileProblem(file, storage, replaced = 0) {
	const max = session.uploadMaxBytes;
	if (max !== null && file.size > max) {
		return `This file is ${bytes(file.size)}, more than the ${bytes(max)} a video may have.`;
	}
	if (storage && file.size > storage.left + replaced) {
		return `This file is ${bytes(file.size)}, but only ${bytes(storage.left + replaced)} of your storage space is left. Delete a video to make room.`;
	}
	return null;
}

/** The limits as a hint under the file field. */
export function limitsText(storage) {
	const max = session.uploadMaxBytes;
	const perFile = max !== null ? `Up to ${bytes(max)} per video. ` : '';
	return storage ? `${perFile}${bytes(storage.left)} of your storage space left, so files up to ${bytes(largestFile(storage))} fit.` : perFile;
}

/** A bar with the used and the available space. */
export function storageMeter(storage) {
	const percent = storage.quota > 0 ? Math.min(100, Math.round((storage.used / storage.quota) * 100)) : 100;
	return h('div', { class: 'storage', id: 'storage' },
		h('div', { class: 'storage-row' },
			h('span', { class: 'storage-label' }, 'Storage'),
			h('span', { id: 'storage-text' }, `${bytes(storage.used)} of ${bytes(storage.quota)} used · ${bytes(storage.left)} available`)),
		h('meter', { id: 'storage-meter', min: '0', max: '100', low: '75', high: '90', optimum: '0', value: String(percent), 'aria-label': `Storage used: ${percent} %` }));
}
