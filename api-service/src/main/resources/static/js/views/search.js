// Search results (#/search?q=…) and a tag's videos (#/tag/{tag}): public videos only, in
// the server's order (relevance, or newest first), paged like the other lists.

import { h } from '../dom.js';
import { api } from '../api.js';
import { videoGrid, emptyState } from './common.js';

/** The longest query the server accepts; longer is cut here rather than refused. */
export const MAX_QUERY = 200;

export async function renderSearch(view) {
	const q = (view.query.get('q') || '').trim().slice(0, MAX_QUERY);
	document.title = q ? `${q} · Search · Video Server` : 'Search · Video Server';
	const input = document.getElementById('search-input');
	if (input && document.activeElement !== input) {
		input.value = q;
	}
	const grid = await videoGrid((before) => api.search(q, before),
		emptyState('No videos found', q ? `Nothing matches “${q}”. Try other words.` : 'Type words of a title, a description or a tag.',
			h('a', { class: 'btn btn-secondary', href: '#/' }, 'Browse all videos')),
		{ filter: (video) => video.size !== null && video.size !== undefined });
	if (!view.alive()) {
		return;
	}
	view.main.replaceChildren(
		h('section', { class: 'page-head' },
			h('div', {},
				h('h1', { tabindex: '-1' }, q ? `Results for “${q}”` : 'All videos'),
				h('p', { class: 'lead' }, 'Titles, descriptions and tags, best match first.'))),
		grid);
}

export async function renderTag(view, encoded) {
	let tag;
	try {
		tag = decodeURIComponent(encoded);
	}
	catch {
		tag = encoded;
	}
	document.title = `#${tag} · Video Server`;
	const grid = await videoGrid((before) => api.tagged(tag, before),
		emptyState('No videos with this tag', `No public video is tagged “${tag}”.`,
			h('a', { class: 'btn btn-secondary', href: '#/' }, 'Browse all videos')),
		{ filter: (video) => video.size !== null && video.size !== undefined });
	if (!view.alive()) {
		return;
	}
	view.main.replaceChildren(
		h('section', { class: 'page-head' },
			h('div', {},
				h('h1', { tabindex: '-1' }, `#${tag}`),
				h('p', { class: 'lead' }, 'Videos with this tag, newest first.'))),
		grid);
}

/** Where a tag's link goes. */
export const tagHash = (tag) => `#/tag/${encodeURIComponent(tag)}`;

/** The header's search box: a form whose submit opens the results page. */
export function searchForm(navigate) {
	const input = h('input', {
		id: 'search-input', class: 'search-input', type: 'search', name: 'q', maxlength: String(MAX_QUERY),
		placeholder: 'Search videos', 'aria-label': 'Search videos', autocomplete: 'off',
	});
	const form = h('form', { class: 'search', role: 'search', id: 'search-form' },
		input, h('button', { class: 'btn btn-secondary search-button', type: 'submit', id: 'search-button' }, 'Search'));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		navigate(`#/search?q=${encodeURIComponent(input.value.trim())}`);
	});
	return form;
}
