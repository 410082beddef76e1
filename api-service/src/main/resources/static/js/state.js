// What every view may read and change: the logged-in user and where the stream-service is.

import { toast } from './dom.js';

export const session = { me: null, streamUrl: '', uploadMaxSize: null };

const listeners = [];

export function onSessionChange(listener) {
	listeners.push(listener);
}

export function setMe(me) {
	session.me = me;
	listeners.forEach((listener) => listener(me));
}

export function navigate(hash) {
	if (location.hash === hash) {
		window.dispatchEvent(new HashChangeEvent('hashchange'));
	}
	else {
		location.hash = hash;
	}
}

/** The server said the session is gone: forget it and ask the person to log in again. */
export function sessionExpired() {
	setMe(null);
	toast('Your session has ended. Please log in again.', 'error');
	navigate(`#/login?next=${encodeURIComponent(location.hash)}`);
}
