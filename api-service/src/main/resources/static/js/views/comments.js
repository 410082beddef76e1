// Comments under a video: read page by page, posted without reloading the page.

import { h, notice, show, avatar } from '../dom.js';
import { api } from '../api.js';
import { ago, fullDate } from '../format.js';
import { session, sessionExpired } from '../state.js';

const MAX = 2000;

export function commentsSection(video) {
	const list = h('ol', { class: 'comments', id: 'comments', 'aria-live': 'polite' });
	const status = h('div', { class: 'grid-status' });
	const section = h('section', { class: 'comments-section', 'aria-labelledby': 'comments-heading' },
		h('h2', { id: 'comments-heading' }, 'Comments'),
		session.me ? commentForm(video, list)
			: h('p', { class: 'muted sign-in-prompt' }, h('a', { href: `#/login?next=${encodeURIComponent(location.hash)}` }, 'Log in'), ' to join the conversation.'),
		list, status);
	let next = null;
	const more = h('button', { class: 'btn btn-secondary', type: 'button' }, 'Show older comments');
	const load = async () => {
		more.disabled = true;
		try {
			const page = await api.comments(video.id, next);
			list.append(...page.comments.map(comment));
			next = page.next || null;
			status.replaceChildren(next ? more : '');
			if (list.children.length === 0) {
				status.replaceChildren(h('p', { class: 'muted', id: 'no-comments' }, 'No comments yet. Be the first to say something.'));
			}
		}
		catch (error) {
			status.replaceChildren(notice('error', error.message, ' ',
				h('button', { class: 'btn btn-link', type: 'button', onclick: load }, 'Try again')));
		}
		finally {
			more.disabled = false;
		}
	};
	more.addEventListener('click', load);
	load();
	return section;
}

function commentForm(video, list) {
	const text = h('textarea', { id: 'comment-text', name: 'content', rows: '3', maxlength: String(MAX), required: true, placeholder: 'Add a comment…', 'aria-describedby': 'comment-count' });
	const count = h('span', { class: 'hint', id: 'comment-count' }, `0 / ${MAX}`);
	const button = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Post comment');
	const message = h('div', { class: 'form-message' });
	const form = h('form', { class: 'comment-form', novalidate: true },
		avatar(session.me.user_name),
		h('div', { class: 'comment-form-body' },
			h('label', { for: 'comment-text', class: 'visually-hidden' }, 'Your comment'),
			text, message,
			h('div', { class: 'comment-form-actions' }, count, button)));
	text.addEventListener('input', () => {
		count.textContent = `${text.value.length} / ${MAX}`;
	});
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const content = text.value.trim();
		if (!content) {
			show(message, notice('error', 'Please write something first.'));
			text.focus();
			return;
		}
		button.disabled = true;
		show(message);
		try {
			const posted = await api.postComment(video.id, content);
			list.prepend(comment(posted));
			document.getElementById('no-comments')?.remove();
			text.value = '';
			count.textContent = `0 / ${MAX}`;
		}
		catch (error) {
			if (error.status === 401) {
				sessionExpired();
				return;
			}
			show(message, notice('error', error.message));
		}
		finally {
			button.disabled = false;
		}
	});
	return form;
}

function comment(item) {
	return h('li', { class: 'comment' },
		avatar(item.author || '?'),
		h('div', { class: 'comment-body' },
			h('p', { class: 'comment-head' },
				h('a', { class: 'comment-author', href: `#/user/${item.author}` }, item.author),
				h('time', { datetime: item.time, title: fullDate(item.time) }, ago(item.time))),
			h('p', { class: 'comment-text' }, item.content)));
}
