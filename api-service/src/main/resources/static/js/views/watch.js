// The watch page: the player (fed by the stream-service: the HLS ladder, or the MP4 by
// byte ranges), the progress of a video being processed, the video's details, the
// owner's delete button and the comments.

import { h, icon, ICONS, notice, show, toast, hue } from '../dom.js';
import { api } from '../api.js';
import { ago, bytes, duration, fullDate, views } from '../format.js';
import { session, navigate, sessionExpired } from '../state.js';
import { commentsSection } from './comments.js';
import { uploadPanel } from './uploader.js';
import { posterImage, posterUrl, privacyBadge } from './common.js';
import { editForm } from './details.js';
import { tagHash } from './search.js';
import { shareControls } from './share.js';
import { videoPlayer } from '../player.js';

export async function renderWatch(view, vid) {
	const video = await api.video(vid);
	if (!view.alive()) {
		return;
	}
	document.title = `${video.name} · Video Server`;
	const mine = session.me !== null && session.me.id === video.author_id;
	const ready = video.size !== null && video.size !== undefined;
	// An upload the transcoder could not read may be replaced by another file.
	const needsFile = !ready || stageOf(video) === 'failed';
	view.main.replaceChildren(h('div', { class: 'watch' },
		h('div', { class: 'watch-main' },
			watchStage(view, video, mine),
			details(video, mine),
			needsFile && mine ? uploadPanel(video, () => navigate(location.hash)) : null,
			commentsSection(video)),
		sidebar(video)));
}

const POLL_MS = 2000;

const busy = (video) => video.processing !== undefined && ['queued', 'running'].includes(video.processing.state);

/** What the stage shows: a player (the ladder or the MP4), the progress, a failure or nothing yet. */
function stageOf(video) {
	if (video.hls) {
		return 'hls';
	}
	if (video.playable) {
		return 'mp4';
	}
	if (busy(video)) {
		return 'processing';
	}
	return video.processing && video.processing.state === 'failed' ? 'failed' : 'none';
}

/**
 * The player, or while the video is being processed its progress, asked for every two
 * seconds until the video can play; then the player starts here without a reload. A
 * player already playing is never swapped: a note says what changed.
 */
function watchStage(view, first, mine) {
	const holder = h('div', { class: 'stage' });
	const note = h('p', { class: 'processing-note', id: 'processing-note', hidden: true });
	let shown = null;
	let player = null;
	const update = (video) => {
		const next = stageOf(video);
		if (next !== shown && (player === null || !player.started())) {
			if (player !== null) {
				player.destroy();
				player = null;
			}
			shown = next;
			if (next === 'hls' || next === 'mp4') {
				player = videoPlayer(video, posterUrl(video));
				holder.replaceChildren(player.element, note);
			}
			else {
				holder.replaceChildren(screen(video, next, mine));
			}
		}
		if (shown === 'processing') {
			const percent = video.processing ? video.processing.progress : 0;
			holder.querySelector('#processing-text').textContent = `Processing… ${percent} %`;
			holder.querySelector('#processing-progress').value = percent;
		}
		noteFor(note, video, shown, next);
	};
	const poll = () => setTimeout(() => {
		if (!view.alive()) {
			return;
		}
		api.video(first.id).then((video) => {
			if (view.alive()) {
				update(video);
				if (busy(video)) {
					poll();
				}
			}
		}, (error) => {
			if (error.status !== 404) {
				poll();
			}
		});
	}, POLL_MS);
	update(first);
	if (busy(first)) {
		poll();
	}
	return holder;
}

function screen(video, kind, mine) {
	if (kind === 'processing') {
		return h('div', { class: 'player player-empty player-processing', id: 'processing' },
			h('div', { class: 'processing' },
				h('p', { class: 'processing-text', id: 'processing-text' }, 'Processing…'),
				h('progress', { id: 'processing-progress', max: '100', value: '0', 'aria-label': 'Processing progress' }),
				h('p', { class: 'processing-hint' }, 'The video is being made playable in every browser. It starts here when it is ready.')));
	}
	if (kind === 'failed') {
		const why = video.processing.error ? `: ${video.processing.error}` : '.';
		return h('div', { class: 'player player-empty player-failed', role: 'alert' },
			h('div', {},
				h('p', { id: 'processing-error' }, `This video could not be processed${why}`),
				mine ? h('p', {}, 'Upload the file again below, or another one.') : null));
	}
	return h('div', { class: 'player player-empty' },
		h('p', {}, mine ? 'This video has no file yet. Upload it below.' : 'This video is not available yet.'));
}

/** The line under a player while a ladder is being made for it, or once it was. */
function noteFor(note, video, shown, next) {
	let text = null;
	if (busy(video)) {
		text = shown === 'hls' ? `A new version of this video is being processed… ${video.processing.progress} %`
			: `Preparing more qualities… ${video.processing.progress} %`;
	}
	else if (shown === 'mp4' && next === 'hls') {
		text = 'All qualities are ready: open the video again to choose one.';
	}
	else if (shown === 'mp4' && video.processing && video.processing.state === 'failed') {
		text = 'Other qualities could not be made; this video plays as it was uploaded.';
	}
	note.textContent = text || '';
	note.hidden = text === null;
}

/** The title and facts, the description and tags, Share, and for the owner Edit and Delete. */
function details(video, mine) {
	const ready = video.size !== null && video.size !== undefined;
	const facts = [
		h('span', { id: 'video-views' }, views(video.views)),
		h('time', { datetime: video.create_time, title: fullDate(video.create_time) }, `Uploaded ${ago(video.create_time)}`),
		video.duration_ms != null ? h('span', { class: 'duration', id: 'video-duration' }, duration(video.duration_ms)) : null,
		ready ? h('span', { id: 'video-size' }, bytes(video.size)) : null,
		video.width != null && video.height != null ? h('span', { class: 'resolution' }, `${video.width}×${video.height}`) : null,
	].filter(Boolean);
	// A private video has nobody to share it with.
	const share = video.privacy === 'private' ? null : shareControls(video);
	// h() leaves out the absent parts (Element.append would write "null").
	const section = h('section', { class: 'video-details', id: 'video-details' },
		h('h1', { tabindex: '-1' }, video.name),
		h('div', { class: 'video-meta' },
			h('a', { class: 'author-link', href: `#/user/${video.author}` },
				h('span', { class: `avatar hue-${hue(video.author || '')}`, 'aria-hidden': 'true' }, (video.author || '?').charAt(0).toUpperCase()),
				h('span', {}, video.author)),
			...facts.flatMap((fact) => [h('span', { class: 'dot', 'aria-hidden': 'true' }, '·'), fact]),
			privacyBadge(video, 'privacy-tag'),
			h('span', { class: 'owner-actions' }, share ? share.button : null, mine ? deleteButton(video) : null)),
		share ? share.panel : null,
		// Text only (a text node, white-space: pre-wrap): a description is never HTML.
		video.description ? h('p', { class: 'video-description', id: 'video-description' }, video.description) : null,
		video.tags && video.tags.length > 0
			? h('ul', { class: 'tag-list', id: 'video-tags', 'aria-label': 'Tags' },
				...video.tags.map((tag) => h('li', {}, h('a', { class: 'chip', href: tagHash(tag) }, `#${tag}`))))
			: null,
		mine ? editForm(video, (saved) => {
			document.title = `${saved.name} · Video Server`;
			section.replaceWith(details(saved, mine));
		}) : null);
	return section;
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
	return h('span', { class: 'delete-action' }, open, dialog);
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
