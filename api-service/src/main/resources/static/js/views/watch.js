// The watch page: the player (fed by the stream-service, which answers byte ranges so the
// player can seek), the video's details, the owner's delete button and the comments.

import { h, icon, ICONS, notice, show, toast, hue } from '../dom.js';
import { api } from '../api.js';
import { ago, bytes, duration, fullDate } from '../format.js';
import { session, navigate, sessionExpired } from '../state.js';
import { commentsSection } from './comments.js';
import { uploadPanel } from './uploader.js';
import { posterImage, posterUrl } from './common.js';

export async function renderWatch(view, vid) {
	const video = await api.video(vid);
	if (!view.alive()) {
		return;
	}
	document.title = `${video.name} · Video Server`;
	const mine = session.me !== null && session.me.id === video.author_id;
	const ready = video.size !== null && video.size !== undefined;
	const stage = ready ? player(video)
		: h('div', { class: 'player player-empty' },
			h('p', {}, mine ? 'This video has no file yet. Upload it below.' : 'This video is not available yet.'));
	view.main.replaceChildren(h('div', { class: 'watch' },
		h('div', { class: 'watch-main' },
			stage,
			details(video, mine, ready),
			!ready && mine ? uploadPanel(video, () => navigate(location.hash)) : null,
			commentsSection(video)),
		sidebar(video)));
}

function player(video) {
	const element = h('video', {
		id: 'player', class: 'player', controls: true, preload: 'metadata', playsinline: true, poster: posterUrl(video),
		src: `${session.streamUrl}/videos/${encodeURIComponent(video.id)}`, 'aria-label': video.name,
	}, 'Your browser cannot play this video.');
	const box = h('div', { class: 'player-box' }, element);
	element.addEventListener('error', () => {
		box.append(h('div', { class: 'player-error', role: 'alert' }, icon(ICONS.alert),
			h('p', {}, 'This video could not be played. The video server may be unreachable, or the file is not in a format your browser can play.')));
	});
	return box;
}

function details(video, mine, ready) {
	return h('section', { class: 'video-details' },
		h('h1', { tabindex: '-1' }, video.name),
		h('div', { class: 'video-meta' },
			h('a', { class: 'author-link', href: `#/user/${video.author}` },
				h('span', { class: `avatar hue-${hue(video.author || '')}`, 'aria-hidden': 'true' }, (video.author || '?').charAt(0).toUpperCase()),
				h('span', {}, video.author)),
			h('span', { class: 'dot', 'aria-hidden': 'true' }, '·'),
			h('time', { datetime: video.create_time, title: fullDate(video.create_time) }, `Uploaded ${ago(video.create_time)}`),
			ready ? h('span', { class: 'dot', 'aria-hidden': 'true' }, '·') : null,
			ready ? h('span', {}, bytes(video.size)) : null,
			video.duration_ms != null ? h('span', { class: 'dot', 'aria-hidden': 'true' }, '·') : null,
			video.duration_ms != null ? h('span', { class: 'duration' }, duration(video.duration_ms)) : null,
			video.width != null && video.height != null ? h('span', { class: 'dot', 'aria-hidden': 'true' }, '·') : null,
			video.width != null && video.height != null ? h('span', { class: 'resolution' }, `${video.width}×${video.height}`) : null,
			mine ? deleteButton(video) : null));
}

function deleteButton(video) {
	const message = h('div', { class: 'form-message' });
	const confirm = h('button', { class: 'btn btn-danger', type: 'button', id: 'confirm-delete' }, 'Delete video');
	const cancel = h('button', { class: 'btn btn-ghost', type: 'button' }, 'Cancel');
	const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'delete-title', 'aria-describedby': 'delete-text' },
		h('h2', { id: 'delete-title' }, 'Delete this video?'),
		h('p', { id: 'delete-text' }, `“${video.name}” and its comments will be removed for everyone. This cannot be undone.`),
		message,
		h('div', { class: 'dialog-actions' }, cancel, confirm));
	cancel.addEventListener('click', () => dialog.close());
	confirm.addEventListener('click', async () => {
		confirm.disabled = true;
		try {
			await api.deleteVideo(session.me.user_name, video.id);
			dialog.close();
			toast(`“${video.name}” was deleted.`, 'success');
			navigate(`#/user/${session.me.user_name}`);
		}
		catch (error) {
			confirm.disabled = false;
			if (error.status === 401) {
				dialog.close();
				sessionExpired();
				return;
			}
			show(message, notice('error', error.message));
		}
	});
	const open = h('button', { class: 'btn btn-danger-ghost btn-small', type: 'button', id: 'delete-video' }, icon(ICONS.trash), 'Delete');
	open.addEventListener('click', () => {
		show(message);
		dialog.showModal();
		cancel.focus();
	});
	return h('span', { class: 'owner-actions' }, open, dialog);
}

function sidebar(current) {
	const list = h('ul', { class: 'side-list' });
	const aside = h('aside', { class: 'watch-side', 'aria-labelledby': 'more-heading' },
		h('h2', { id: 'more-heading' }, 'More videos'), list);
	api.videos(null, 10).then((page) => {
		const others = page.videos.filter((video) => video.id !== current.id && video.size !== null && video.size !== undefined).slice(0, 8);
		if (others.length === 0) {
			list.replaceWith(h('p', { class: 'muted' }, 'No other videos yet.'));
			return;
		}
		list.append(...others.map((video) => h('li', {},
			h('a', { class: 'side-item', href: `#/watch/${video.id}` },
				h('span', { class: `thumb thumb-small hue-${hue(video.id)}`, 'aria-hidden': 'true' },
					h('span', { class: 'thumb-initial' }, video.name.trim().charAt(0).toUpperCase()),
					posterImage(video)),
				h('span', { class: 'side-text' },
					h('span', { class: 'side-title' }, video.name),
					h('span', { class: 'side-meta' }, `${video.author} · ${ago(video.create_time)}`))))));
	}).catch(() => list.replaceWith(h('p', { class: 'muted' }, 'Could not load more videos.')));
	return aside;
}
