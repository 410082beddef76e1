// The single-page app: who is logged in, the header, and which view a hash route shows.

import { api } from './api.js';
import { h, show, notice, toast, avatar } from './dom.js';
import { session, setMe, navigate, sessionExpired, onSessionChange } from './state.js';
import { emptyPage } from './views/common.js';
import { renderHome } from './views/home.js';
import { renderLogin, renderRegister } from './views/auth.js';
import { renderUser } from './views/user.js';
import { renderWatch } from './views/watch.js';
import { renderSearch, renderTag, searchForm } from './views/search.js';

const routes = [
	[/^\/?$/, renderHome],
	[/^\/login$/, renderLogin],
	[/^\/register$/, renderRegister],
	[/^\/user\/([A-Za-z0-9_.-]{1,64})$/, renderUser],
	[/^\/watch\/([A-Za-z0-9-]{1,64})$/, renderWatch],
	[/^\/search$/, renderSearch],
	[/^\/tag\/([^/]{1,200})$/, renderTag],
];

const main = document.getElementById('main');
let renderCount = 0;

function renderAccount() {
	const account = document.getElementById('account');
	const me = session.me;
	if (!me) {
		show(account,
			h('a', { class: 'btn btn-ghost', href: '#/login' }, 'Log in'),
			h('a', { class: 'btn btn-primary', href: '#/register' }, 'Sign up'));
		return;
	}
	show(account,
		h('a', { class: 'btn btn-primary btn-upload', href: `#/user/${me.user_name}` }, 'Upload'),
		h('a', { class: 'user-chip', href: `#/user/${me.user_name}`, title: 'My videos' },
			avatar(me.user_name), h('span', { class: 'user-chip-name' }, me.user_name)),
		h('button', { class: 'btn btn-ghost', type: 'button', onclick: logOut }, 'Log out'));
}

async function logOut() {
	try {
		await api.logOut();
	}
	catch (error) {
		if (error.status !== 401) {
			toast(error.message, 'error');
			return;
		}
	}
	setMe(null);
	toast('You are logged out.');
	navigate('#/');
}

async function route() {
	const [path, queryString = ''] = location.hash.replace(/^#/, '').split('?');
	const query = new URLSearchParams(queryString);
	const current = ++renderCount;
	const view = {
		main,
		query,
		alive: () => current === renderCount,
	};
	for (const [pattern, render] of routes) {
		const match = pattern.exec(path);
		if (match) {
			try {
				await render(view, ...match.slice(1));
			}
			catch (error) {
				if (view.alive()) {
					showFailure(error);
				}
			}
			if (view.alive() && current > 1) {
				const heading = main.querySelector('h1');
				(heading || main).focus({ preventScroll: true });
				window.scrollTo(0, 0);
			}
			return;
		}
	}
	document.title = 'Page not found · Video Server';
	show(main, emptyPage('Page not found', 'There is nothing at this address.'));
}

function showFailure(error) {
	if (error && error.status === 401) {
		sessionExpired();
		return;
	}
	const missing = error && error.status === 404;
	document.title = `${missing ? 'Not found' : 'Something went wrong'} · Video Server`;
	show(main, h('section', { class: 'empty-page' },
		h('h1', { tabindex: '-1' }, missing ? 'Not found' : 'Something went wrong'),
		notice('error', error && error.message ? error.message : 'The page could not be shown.'),
		missing ? h('a', { class: 'btn btn-primary', href: '#/' }, 'Go to the home page')
			: h('button', { class: 'btn btn-primary', type: 'button', onclick: route }, 'Try again')));
}

async function start() {
	try {
		const config = await api.config();
		session.streamUrl = config.stream_url;
		session.uploadMaxBytes = config.upload_max_bytes || null;
	}
	catch (error) {
		session.streamUrl = `${location.protocol}//${location.hostname}:9000`;
	}
	try {
		session.me = await api.me();
	}
	catch (error) {
		session.me = null;
		if (error.status !== 401) {
			toast(error.message, 'error');
		}
	}
	document.getElementById('search-slot').replaceChildren(searchForm(navigate));
	renderAccount();
	onSessionChange(renderAccount);
	window.addEventListener('hashchange', route);
	await route();
}

window.addEventListener('unhandledrejection', (event) => {
	toast(event.reason && event.reason.message ? event.reason.message : 'Something went wrong.', 'error');
});

start();
