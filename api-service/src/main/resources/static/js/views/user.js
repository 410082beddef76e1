// A user's page: their videos; for the user themself, also the upload panel.

import { h, avatar } from '../dom.js';
import { api } from '../api.js';
import { session } from '../state.js';
import { videoGrid, emptyState } from './common.js';
import { uploadPanel } from './uploader.js';
import { loadStorage, storageMeter } from '../storage.js';

export async function renderUser(view, userName) {
	const mine = session.me !== null && session.me.user_name === userName;
	document.title = `${mine ? 'My videos' : userName} · Video Server`;
	const [grid, meter] = await Promise.all([userGrid(userName, mine), mine ? storageView() : null]);
	if (!view.alive()) {
		return;
	}
	let current = grid;
	let currentMeter = meter;
	const refresh = async () => {
		const [next, nextMeter] = await Promise.all([userGrid(userName, mine), storageView()]);
		current.replaceWith(next);
		current = next;
		currentMeter.replaceWith(nextMeter);
		currentMeter = nextMeter;
	};
	view.main.replaceChildren(
		h('section', { class: 'profile' },
			avatar(userName, 'avatar-large'),
			h('div', {},
				h('h1', { tabindex: '-1' }, mine ? 'My videos' : userName),
				h('p', { class: 'lead' }, mine ? `Logged in as ${userName}. Upload a new video or watch your own.` : `Videos uploaded by ${userName}.`),
				meter)),
		mine ? uploadPanel(null, refresh) : null,
		h('h2', { class: 'section-title' }, mine ? 'Your uploads' : 'Uploads'),
		current);
}

/** The storage bar, or nothing when the figures cannot be read (the page works without). */
function storageView() {
	return loadStorage().then(storageMeter).catch(() => h('span', { hidden: true }));
}

function userGrid(userName, mine) {
	const empty = mine
		? emptyState('You have not uploaded any videos yet', 'Pick a video file above and it will appear here.')
		: emptyState('No videos yet', `${userName} has not uploaded any videos yet.`,
			h('a', { class: 'btn btn-secondary', href: '#/' }, 'Browse all videos'));
	return videoGrid((before) => api.videosOf(userName, before), empty,
		{ showAuthor: false, filter: mine ? null : (video) => video.size !== null && video.size !== undefined });
}
