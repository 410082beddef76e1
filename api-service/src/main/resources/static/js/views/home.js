// The home page: every video that can be watched, newest first.

import { h } from '../dom.js';
import { api } from '../api.js';
import { session } from '../state.js';
import { videoGrid, emptyState } from './common.js';

export async function renderHome(view) {
	document.title = 'Video Server';
	const me = session.me;
	const action = me
		? h('a', { class: 'btn btn-primary', href: `#/user/${me.user_name}` }, 'Upload a video')
		: h('a', { class: 'btn btn-primary', href: '#/register' }, 'Sign up to upload');
	const grid = await videoGrid((before) => api.videos(before),
		emptyState('No videos yet', 'Videos people upload show up here, newest first.', action),
		{ filter: (video) => video.size !== null && video.size !== undefined });
	if (!view.alive()) {
		return;
	}
	view.main.replaceChildren(
		h('section', { class: 'page-head' },
			h('div', {},
				h('h1', { tabindex: '-1' }, 'Latest videos'),
				h('p', { class: 'lead' }, me ? `Welcome back, ${me.user_name}.` : 'Watch what people shared, newest first.')),
			action),
		grid);
}
