// The upload panel: a title and a video file (MP4/MOV, MKV/WebM or AVI), sent to the
// stream-service with a progress bar (bytes the server has, total, percentage) and a
// cancel button. The upload resumes by itself after a broken connection; the size limit
// is stated and checked up front.

import { h, icon, ICONS, notice, show, toast } from '../dom.js';
import { api, newRequestId } from '../api.js';
import { bytes } from '../format.js';
import { detailFields } from './details.js';
import { session, sessionExpired } from '../state.js';
import { uploadFile, UploadCancelled } from '../upload.js';
import { fileProblem, limitsText, loadStorage } from '../storage.js';

/** What the stream-service takes: the picker offers these (and every video/* type). */
const ACCEPT = 'video/*,.mp4,.mov,.mkv,.webm,.avi';

const FORMATS = 'MP4, MOV, MKV, WebM or AVI; the site makes it playable everywhere.';

const CHOOSE = 'Choose a video file or drop it here';

/**
 * @param video an existing video without a file, or null to create a new one
 * @param onUploaded called with the video once its file is stored
 */
export function uploadPanel(video, onUploaded) {
	const title = h('input', { id: 'video-title', name: 'name', type: 'text', required: true, maxlength: '200', placeholder: 'My holiday, a talk, a recipe…' });
	const extra = detailFields('video', null);
	const file = h('input', { id: 'video-file', name: 'file', type: 'file', accept: ACCEPT, required: true, 'aria-describedby': 'video-file-hint' });
	const chosen = h('span', { class: 'dropzone-text' }, CHOOSE);
	const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, icon(ICONS.upload), 'Upload');
	const message = h('div', { class: 'form-message' });
	const progress = progressView();
	const hint = h('p', { class: 'hint', id: 'video-file-hint' }, `${FORMATS} The file goes straight to the video server.`);
	let storage = null;
	const refreshLimits = () => loadStorage().then((loaded) => {
		storage = loaded;
		hint.textContent = `${FORMATS} ${limitsText(storage)} The upload resumes by itself if the connection breaks.`;
	}).catch(() => {});
	refreshLimits();
	const form = h('form', { class: 'upload-form', novalidate: true },
		video ? null : h('div', { class: 'field' }, h('label', { for: 'video-title' }, 'Title'), title),
		video ? null : extra.element,
		h('div', { class: 'field' },
			h('label', { for: 'video-file' }, 'Video file'),
			h('div', { class: 'dropzone' }, icon(ICONS.upload, 'icon dropzone-icon'), chosen, file),
			hint),
		message, progress.element,
		h('div', { class: 'form-actions' }, submit));

	file.addEventListener('change', () => {
		const selected = file.files[0];
		chosen.textContent = selected ? `${selected.name} · ${bytes(selected.size)}` : CHOOSE;
		const tooBig = selected ? fileProblem(selected, storage) : null;
		show(message, tooBig ? notice('error', tooBig) : null);
		if (tooBig) {
			progress.hide();
		}
		if (selected && !title.value) {
			title.value = selected.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim().slice(0, 200);
		}
	});

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const selected = file.files[0];
		const problem = !video && !title.value.trim() ? [title, 'Please give the video a title.']
			: !video && extra.problem() ? extra.problem()
				: !selected ? [file, 'Please choose a video file.']
					: fileProblem(selected, storage) ? [file, fileProblem(selected, storage)] : null;
		if (problem) {
			progress.hide();
			show(message, notice('error', problem[1]));
			problem[0].focus();
			return;
		}
		submit.disabled = true;
		show(message);
		const details = { name: title.value.trim(), ...extra.values() };
		if (!details.description) {
			delete details.description; // none: the field is absent, as in the video's JSON
		}
		const stored = await send(video, details, selected, progress, message);
		submit.disabled = false;
		if (stored) {
			refreshLimits();
			form.reset();
			chosen.textContent = CHOOSE;
			onUploaded(stored);
		}
	});

	return h('section', { class: 'panel upload-panel', 'aria-labelledby': 'upload-heading' },
		h('h2', { id: 'upload-heading' }, video ? 'Upload the file of this video' : 'Upload a video'), form);
}

async function send(existing, details, selected, progress, message) {
	let video = existing;
	const requestId = newRequestId(); // one id for the creation and every request of the upload
	try {
		if (!video) {
			video = await api.createVideo(session.me.user_name, details, requestId);
		}
		const transfer = uploadFile(session.streamUrl, video.id, selected, progress.update, progress.interrupted,
			requestId);
		progress.start(selected, transfer.cancel);
		await transfer.done;
		progress.finish(selected.size);
		show(message, notice('success', 'Upload complete. ', h('a', { href: `#/watch/${video.id}` }, `Watch “${video.name}”`)));
		toast(`“${video.name}” is uploaded.`, 'success');
		return video;
	}
	catch (error) {
		progress.hide();
		if (error.status === 401) {
			sessionExpired();
			return null;
		}
		if (!existing && video) {
			// Nothing half-made stays behind: the metadata goes when its file did not arrive.
			api.deleteVideo(session.me.user_name, video.id).catch(() => {});
		}
		show(message, notice(error instanceof UploadCancelled ? 'info' : 'error', error.message));
		return null;
	}
}

function progressView() {
	const bar = h('progress', { id: 'upload-progress', max: '100', value: '0', 'aria-label': 'Upload progress' });
	const percent = h('span', { class: 'progress-percent', id: 'upload-percent' }, '0 %');
	const name = h('span', { class: 'progress-name' });
	const sent = h('span', { class: 'progress-bytes', id: 'upload-bytes' });
	const cancel = h('button', { class: 'btn btn-ghost btn-small', type: 'button' }, 'Cancel');
	const element = h('div', { class: 'progress', hidden: true, role: 'group', 'aria-label': 'Upload' },
		h('div', { class: 'progress-row' }, name, percent), bar, h('div', { class: 'progress-row' }, sent, cancel));
	let total = 0;
	let loadedSoFar = 0;
	const update = (loaded, size) => {
		total = size;
		loadedSoFar = loaded;
		const value = size > 0 ? Math.floor((loaded / size) * 100) : 0;
		bar.value = value;
		percent.textContent = `${value} %`;
		sent.textContent = `${bytes(loaded)} of ${bytes(size)} sent`;
	};
	return {
		element,
		update,
		interrupted() {
			sent.textContent = `${bytes(loadedSoFar)} of ${bytes(total)} sent · connection lost, resuming…`;
		},
		start(selected, onCancel) {
			name.textContent = selected.name;
			cancel.hidden = false;
			cancel.onclick = onCancel;
			element.hidden = false;
			update(0, selected.size);
		},
		finish(size) {
			update(total || size, total || size);
			sent.textContent = `${bytes(size)} uploaded`;
			cancel.hidden = true;
		},
		hide() {
			element.hidden = true;
		},
	};
}
