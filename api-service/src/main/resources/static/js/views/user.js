// A user's page: their videos; for the user themself, also the upload panel.

import { h, avatar } from '../dom.js';
import { api } from '../api.js';
import { session } from '../state.js';
import { videoGrid, emptyState } from './common.js';
import { uploadPanel } from './uploader.js';

export async function renderUser(view, userName) {
	const mine = session.me !== null && session.me.user_name === userName;
	document.title = `${mine ? 'My videos' : userName} · Video Server`;
	const grid = await userGrid(userName, mine);
	if (!view.alive()) {
		return;
	}
	let current = grid;
	const refresh = async () => {
		const next = await userGrid(userName, mine);
		current.replaceWith(next);
		current = next;
	};
	view.main.replaceChildren(
		h('section', { class: 'profile' },
			avatar(userName, 'avatar-large'),
			h('div', {},
				h('h1', { tabindex: '-1' }, mine ? 'My videos' : userName),
				h('p', { class: 'lead' }, mine ? `Logged in as ${userName}. Upload a new video or watch your own.` : `Videos uploaded by ${userName}.`))),
		mine ? uploadPanel(null, refresh) : null,
		h('h2', { class: 'section-title' }, mine ? 'Your uploads' : 'Uploads'),
		current);
}

function userGrid(userName, mine) {
	const empty = mine
		? emptyState('You have not uploaded any videos yet', 'Pick an MP4 file above and it will appear here.')
		: emptyState('No videos yet', `${userName} has not uploaded any videos yet.`,
			h('a', { class: 'btn btn-secondary', href: '#/' }, 'Browse all videos'));
	return videoGrid((before) => api.videosOf(userName, before), empty,
		{ showAuthor: false, filter: mine ? null : (video) => video.size !== null && video.size !== undefined });
}
