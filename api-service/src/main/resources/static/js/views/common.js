// Pieces several views share: the video grid with "load more", cards and empty states.

import { h, icon, ICONS, notice, hue } from '../dom.js';
import { ago, duration, fullDate, views, PRIVACY_LABELS } from '../format.js';
import { session, sessionExpired } from '../state.js';

export function emptyPage(title, text) {
	return h('section', { class: 'empty-page' },
		h('h1', { tabindex: '-1' }, title),
		h('p', {}, text),
		h('a', { class: 'btn btn-primary', href: '#/' }, 'Go to the home page'));
}

export function videoCard(video, { showAuthor = true } = {}) {
	const ready = video.size !== null && video.size !== undefined;
	return h('li', { class: 'card' },
		h('a', { class: 'card-link', href: `#/watch/${video.id}` },
			h('div', { class: `thumb hue-${hue(video.id)}` },
				posterImage(video),
				h('span', { class: 'thumb-play' }, icon(ICONS.play)),
				privacyBadge(video),
				badge(video, ready),
				durationBadge(video)),
			h('div', { class: 'card-body' },
				h('h3', { class: 'card-title' }, video.name),
				h('p', { class: 'card-meta' },
					showAuthor && video.author ? h('span', { class: 'card-author' }, video.author) : null,
					video.views !== undefined ? h('span', { class: 'card-views' }, views(video.views)) : null,
					h('time', { datetime: video.create_time, title: fullDate(video.create_time) }, ago(video.create_time))))));
}

function durationBadge(video) {
	return video.duration_ms != null ? h('span', { class: 'badge badge-duration' }, duration(video.duration_ms)) : null;
}

/**
 * Unlisted or Private, on the owner's own cards only: only the owner sees such videos in
 * a list (their own page), and there they need telling apart from the public ones.
 */
export function privacyBadge(video, className = 'badge badge-privacy') {
	const mine = session.me !== null && session.me.id === video.author_id;
	if (!mine || !video.privacy || video.privacy === 'public') {
		return null;
	}
	return h('span', { class: `${className} privacy-${video.privacy}` }, PRIVACY_LABELS[video.privacy] || video.privacy);
}

/** What a card says over its thumbnail (bottom left): no file yet, its processing, or nothing. */
function badge(video, ready) {
	if (!ready) {
		return h('span', { class: 'badge badge-muted' }, 'No file yet');
	}
	const processing = video.processing;
	if (processing && (processing.state === 'queued' || processing.state === 'running')) {
		return h('span', { class: 'badge badge-processing' }, `Processing ${processing.progress} %`);
	}
	if (processing && processing.state === 'failed' && !video.playable && !video.hls) {
		return h('span', { class: 'badge badge-failed' }, 'Processing failed');
	}
	return null;
}

/**
 * The video's poster (a decoded frame, or the server's drawn placeholder); the address
 * changes with the file, so a re-upload shows its own frame at once.
 */
export function posterUrl(video) {
	const version = video.size !== null && video.size !== undefined ? `?v=${video.size}` : '';
	return `/videos/${encodeURIComponent(video.id)}/poster${version}`;
}

export function posterImage(video) {
	const image = h('img', { class: 'thumb-image', src: posterUrl(video), alt: '', loading: 'lazy', decoding: 'async' });
	image.addEventListener('error', () => image.remove());
	return image;
}

/**
 * A grid of videos that loads page after page (keyset: the server's "next" cursor).
 * @param load (before) => Promise<{videos, next}>
 * @param empty the element shown when there are no videos at all
 * @param options showAuthor (default true), filter (which videos to show)
 */
export async function videoGrid(load, empty, options = {}) {
	const list = h('ul', { class: 'grid', 'aria-live': 'polite' });
	const more = h('button', { class: 'btn btn-secondary', type: 'button' }, 'Load more');
	const status = h('div', { class: 'grid-status' });
	const container = h('div', { class: 'video-grid' }, list, status);
	let next = null;

	async function loadPage() {
		more.disabled = true;
		more.textContent = 'Loading…';
		try {
			let shown = 0;
			// Pages are read until something is shown, as a filter may hide a whole page.
			do {
				const page = await load(next);
				const videos = options.filter ? page.videos.filter(options.filter) : page.videos;
				list.append(...videos.map((video) => videoCard(video, options)));
				shown += videos.length;
				next = page.next || null;
			}
			while (shown === 0 && next);
			status.replaceChildren(next ? more : '');
			if (list.children.length === 0) {
				container.replaceChildren(empty);
			}
		}
		catch (error) {
			if (error.status === 401) {
				sessionExpired();
				return;
			}
			status.replaceChildren(notice('error', error.message, ' ',
				h('button', { class: 'btn btn-link', type: 'button', onclick: loadPage }, 'Try again')));
		}
		finally {
			more.disabled = false;
			more.textContent = 'Load more';
		}
	}

	more.addEventListener('click', loadPage);
	await loadPage();
	return container;
}

export function emptyState(title, text, action) {
	return h('div', { class: 'empty-state' },
		h('div', { class: 'empty-icon' }, icon(ICONS.film)),
		h('h2', {}, title),
		h('p', {}, text),
		action || null);
}
