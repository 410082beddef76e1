// Small DOM helpers: every piece of text goes in as a text node, never as HTML.

export function h(tag, attributes = {}, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === false || value === null || value === undefined) {
			continue;
		}
		if (name.startsWith('on')) {
			element.addEventListener(name.slice(2), value);
		}
		else if (name === 'class') {
			element.className = value;
		}
		else {
			element.setAttribute(name, value === true ? '' : value);
		}
	}
	append(element, children);
	return element;
}

function append(element, children) {
	for (const child of children.flat()) {
		if (child === null || child === undefined || child === false) {
			continue;
		}
		element.append(child instanceof Node ? child : document.createTextNode(String(child)));
	}
}

const SVG = 'http://www.w3.org/2000/svg';

/** An inline icon from a path; decorative, hidden from screen readers. */
export function icon(path, className = 'icon') {
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('viewBox', '0 0 24 24');
	svg.setAttribute('class', className);
	svg.setAttribute('aria-hidden', 'true');
	const shape = document.createElementNS(SVG, 'path');
	shape.setAttribute('d', path);
	svg.append(shape);
	return svg;
}

export const ICONS = {
	play: 'M8 5.5v13l10.5-6.5z',
	upload: 'M12 3l5 5h-3.5v6h-3V8H7zm-7 14h14v3H5z',
	trash: 'M9 3h6l1 2h4v2H4V5h4zm-3 6h12l-1 12H7z',
	film: 'M4 4h16v16H4zm2 2v2h2V6zm10 0v2h2V6zM6 10v4h2v-4zm10 0v4h2v-4zM6 16v2h2v-2zm10 0v2h2v-2z',
	chat: 'M4 4h16v12H8l-4 4z',
	alert: 'M12 2l10 18H2zm-1 7v5h2V9zm0 7v2h2v-2z',
};

/** A status message in the page: role=alert for errors so screen readers announce it. */
export function notice(kind, ...content) {
	return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

/** A short-lived message in the corner, for things that happened (logged out, deleted). */
export function toast(message, kind = 'info') {
	const region = document.getElementById('toasts');
	const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
	region.append(item);
	setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/** Replaces what a container shows. */
export function show(container, ...children) {
	container.replaceChildren();
	append(container, children);
}

export function avatar(name, size = '') {
	return h('span', { class: `avatar ${size} hue-${hue(name)}`, 'aria-hidden': 'true' }, (name || '?').charAt(0).toUpperCase());
}

/** A stable colour (one of eight) for a name or id, so a video keeps its look. */
export function hue(text) {
	let hash = 0;
	for (const char of String(text)) {
		hash = (hash * 31 + char.charCodeAt(0)) | 0;
	}
	return Math.abs(hash) % 8;
}
