// The watch page's Share button: copies the watch link (navigator.clipboard), and shows
// the link in a selected text field for copying by hand when the clipboard is not
// available (an http page on another host, a refused permission), with the embed snippet.

import { h, icon } from '../dom.js';

const SHARE_ICON = 'M18 16a3 3 0 0 0-2.4 1.2L8.9 13.6a3 3 0 0 0 0-3.2l6.7-3.6A3 3 0 1 0 15 5l-6.7 3.6a3 3 0 1 0 0 6.8L15 19a3 3 0 1 0 3-3z';

/** The address that opens this video's watch page, from wherever the site is served. */
export function watchLink(video) {
	return `${location.origin}${location.pathname}#/watch/${encodeURIComponent(video.id)}`;
}

/** The HTML another site pastes to show the video's player (the title escaped for the attribute). */
export function embedSnippet(video) {
	const src = `${location.origin}/embed/${encodeURIComponent(video.id)}`;
	const title = video.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return `<iframe src="${src}" width="640" height="360" title="${title}" frameborder="0" allow="fullscreen; picture-in-picture" allowfullscreen></iframe>`;
}

/**
 * @return {button, panel}: the button goes with the video's actions, the panel (the link
 * and the embed snippet, hidden until the button is pressed) under them
 */
export function shareControls(video) {
	const link = h('input', { id: 'share-link', class: 'share-field', type: 'text', readonly: true, 'aria-label': 'Link to this video' });
	link.value = watchLink(video);
	const embed = h('textarea', { id: 'share-embed', class: 'share-field share-embed', rows: '3', readonly: true, 'aria-label': 'Embed code' });
	embed.value = embedSnippet(video);
	const status = h('p', { class: 'share-status', id: 'share-status', role: 'status' });
	const panel = h('div', { class: 'share-panel', id: 'share-panel', hidden: true },
		h('label', { for: 'share-link' }, 'Link'), link,
		status,
		h('label', { for: 'share-embed' }, 'Embed on a web page'), embed);
	const selectOnFocus = (field) => field.addEventListener('focus', () => field.select());
	selectOnFocus(link);
	selectOnFocus(embed);
	const button = h('button', { class: 'btn btn-secondary btn-small', type: 'button', id: 'share-button', 'aria-expanded': 'false', 'aria-controls': 'share-panel' },
		icon(SHARE_ICON), 'Share');
	button.addEventListener('click', async () => {
		panel.hidden = false;
		button.setAttribute('aria-expanded', 'true');
		try {
			if (!navigator.clipboard || !window.isSecureContext) {
				throw new Error('no clipboard');
			}
			await navigator.clipboard.writeText(link.value);
			status.textContent = 'Link copied to the clipboard.';
			button.dataset.copied = 'true';
		}
		catch {
			// The visible fallback: the link, selected, for Ctrl+C (or a long press).
			status.textContent = 'Copy the link below (it is selected).';
			button.dataset.copied = 'false';
			link.focus();
			link.select();
		}
	});
	return { button, panel };
}
