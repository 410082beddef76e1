// Log-in and sign-up forms. The server answers with an HttpOnly cookie, so the page never
// sees the session id; it asks /session who is logged in instead.

import { h, notice, show } from '../dom.js';
import { api } from '../api.js';
import { setMe, navigate } from '../state.js';

const NAME_PATTERN = '[A-Za-z0-9_.\\-]{1,64}';

export function renderLogin(view) {
	renderForm(view, {
		title: 'Log in',
		lead: 'Welcome back. Log in to upload videos and comment.',
		submit: 'Log in',
		passwordAutocomplete: 'current-password',
		switchText: 'New here?',
		switchLink: h('a', { href: withNext('#/register', view) }, 'Create an account'),
		send: (name, pwd) => api.logIn(name, pwd),
	});
}

export function renderRegister(view) {
	renderForm(view, {
		title: 'Create your account',
		lead: 'Pick a user name and a password of at least 8 characters.',
		submit: 'Sign up',
		passwordAutocomplete: 'new-password',
		switchText: 'Already have an account?',
		switchLink: h('a', { href: withNext('#/login', view) }, 'Log in'),
		send: (name, pwd) => api.register(name, pwd),
	});
}

function withNext(hash, view) {
	const next = view.query.get('next');
	return next ? `${hash}?next=${encodeURIComponent(next)}` : hash;
}

function renderForm(view, spec) {
	document.title = `${spec.title} · Video Server`;
	const message = h('div', { class: 'form-message' });
	const name = h('input', {
		id: 'user-name', name: 'user_name', type: 'text', required: true, maxlength: '64', pattern: NAME_PATTERN,
		autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', 'aria-describedby': 'user-name-hint',
	});
	const password = h('input', {
		id: 'password', name: 'pwd', type: 'password', required: true, minlength: '8', maxlength: '256',
		autocomplete: spec.passwordAutocomplete, 'aria-describedby': 'password-hint',
	});
	const button = h('button', { class: 'btn btn-primary btn-block', type: 'submit' }, spec.submit);
	const form = h('form', { class: 'form', novalidate: true },
		field('User name', name, 'user-name-hint', 'Letters, digits, dot, dash and underscore.'),
		field('Password', password, 'password-hint', '8 to 256 characters.'),
		message, button);
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const problem = check(name, password);
		if (problem) {
			show(message, notice('error', problem));
			return;
		}
		button.disabled = true;
		show(message);
		try {
			await spec.send(name.value, password.value);
			setMe(await api.me());
			const next = view.query.get('next');
			navigate(next && next.startsWith('#/') ? next : `#/user/${name.value}`);
		}
		catch (error) {
			show(message, notice('error', error.message));
			button.disabled = false;
		}
	});
	view.main.replaceChildren(h('section', { class: 'auth' },
		h('div', { class: 'panel auth-panel' },
			h('h1', { tabindex: '-1' }, spec.title),
			h('p', { class: 'lead' }, spec.lead),
			form,
			h('p', { class: 'auth-switch' }, spec.switchText, ' ', spec.switchLink))));
	name.focus();
}

function field(label, input, hintId, hint) {
	return h('div', { class: 'field' },
		h('label', { for: input.id }, label),
		input,
		h('p', { class: 'hint', id: hintId }, hint));
}

function check(name, password) {
	if (!name.value) {
		name.focus();
		return 'Please enter a user name.';
	}
	if (!name.validity.valid) {
		name.focus();
		return 'User names are 1 to 64 letters, digits, dots, dashes or underscores.';
	}
	if (password.value.length < 8 || password.value.length > 256) {
		password.focus();
		return 'Passwords are 8 to 256 characters long.';
	}
	return null;
}
