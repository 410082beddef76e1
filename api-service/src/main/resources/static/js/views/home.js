// The home page: every public video, newest first or most viewed first (#/?order=views).

import { h } from '../dom.js';
import { api } from '../api.js';
import { session } from '../state.js';
import { videoGrid, emptyState } from './common.js';

const ORDERS = [
	{ key: null, label: 'Newest', hash: '#/' },
	{ key: 'views', label: 'Most viewed', hash: '#/?order=views' },
];

export async function renderHome(view) {
	document.title = 'Video Server';
	const me = session.me;
	const order = view.query.get('order') === 'views' ? 'views' : null;
	const action = me
		? h('a', { class: 'btn btn-primary', href: `#/user/${me.user_name}` }, 'Upload a video')
		: h('a', { class: 'btn btn-primary', href: '#/register' }, 'Sign up to upload');
	const grid = await videoGrid((before) => api.videos(before, 12, order),
		emptyState('No videos yet', 'Videos people upload show up here, newest first.', action),
		{ filter: (video) => video.size !== null && video.size !== undefined });
	if (!view.alive()) {
		return;
	}
	view.main.replaceChildren(
		h('section', { class: 'page-head' },
			h('div', {},
				h('h1', { tabindex: '-1' }, order === 'views' ? 'Most viewed videos' : 'Latest videos'),
				h('p', { class: 'lead' }, me ? `Welcome back, ${me.user_name}.` : 'Watch what people shared.')),
			action),
		orderChoice(order),
		grid);
}

/** Two links (the order is part of the address, so it survives a reload and a back). */
function orderChoice(current) {
	return h('nav', { class: 'order-choice', 'aria-label': 'Order' },
		...ORDERS.map((order) => h('a', {
			class: `chip${order.key === current ? ' chip-active' : ''}`,
			href: order.hash,
			id: `order-${order.key || 'newest'}`,
			'aria-current': order.key === current ? 'page' : null,
		}, order.label)));
}
