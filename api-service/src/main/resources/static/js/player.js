// The watch page's player. A published HLS ladder plays through hls.js wherever the
// browser has Media Source Extensions: it switches quality by itself and lets the person
// pick one (a quality menu). A browser without them but with HLS of its own (Safari on an
// iPhone) plays the ladder natively, choosing quality itself. Otherwise the MP4 plays
// from byte ranges as before.

import { h, icon, ICONS } from './dom.js';
import { session } from './state.js';

const HLS_TYPE = 'application/vnd.apple.mpegurl';

let hlsScript = null;

/** Loads vendor/hls.min.js once, and only for a page that plays a ladder (it is 600 KB). */
function loadHls() {
	if (!hlsScript) {
		hlsScript = new Promise((resolve, reject) => {
			// Relative to this module, not to the page: the embed page lives at /embed/{vid}.
			const script = h('script', { src: new URL('../vendor/hls.min.js', import.meta.url).href });
			script.addEventListener('load', () => resolve(window.Hls));
			script.addEventListener('error', () => {
				hlsScript = null;
				reject(new Error('hls.js did not load'));
			});
			document.head.append(script);
		});
	}
	return hlsScript;
}

const streamAddress = (path) => `${session.streamUrl}${path}`;

const mp4Address = (video) => streamAddress(`/videos/${encodeURIComponent(video.id)}`);

/**
 * The player for a video that has a ladder (video.hls) or a playable MP4.
 * @param video the video's JSON
 * @param poster the poster's address
 * @return {element, started(), destroy()}
 */
export function videoPlayer(video, poster) {
	const element = h('video', {
		id: 'player', class: 'player', controls: true, preload: 'metadata', playsinline: true, poster,
		'aria-label': video.name,
	}, 'Your browser cannot play this video.');
	const bar = h('div', { class: 'player-bar' });
	const box = h('div', { class: 'player-box' }, element);
	const wrapper = h('div', { class: 'player-wrap' }, box, bar);
	const failed = (text) => {
		box.querySelector('.player-error')?.remove();
		box.append(h('div', { class: 'player-error', role: 'alert' }, icon(ICONS.alert), h('p', {}, text)));
	};
	let hls = null;
	const playMp4 = () => {
		element.src = mp4Address(video);
		box.dataset.source = 'mp4';
	};
	element.addEventListener('error', () => failed('This video could not be played. The video server may be unreachable, or the file is not in a format your browser can play.'));
	// Without hls.js (no Media Source Extensions, or it did not load): the browser's own
	// HLS, else the MP4.
	const withoutHlsJs = (reason) => {
		if (element.canPlayType(HLS_TYPE)) {
			element.src = streamAddress(video.hls);
			box.dataset.source = 'native-hls';
		}
		else if (video.playable) {
			playMp4();
		}
		else {
			failed(reason);
		}
	};
	const hlsFailed = () => {
		hls = null;
		if (video.playable) {
			playMp4();
		}
		else {
			failed('This video could not be played. The video server may be unreachable; please try again.');
		}
	};
	if (video.hls) {
		loadHls().then((Hls) => {
			if (box.dataset.destroyed) {
				return;
			}
			if (Hls.isSupported()) {
				hls = playWithHls(Hls, video, element, box, bar, hlsFailed);
			}
			else {
				withoutHlsJs('Your browser cannot play this video.');
			}
		}, () => withoutHlsJs('The player could not be loaded. Please reload the page.'));
	}
	else {
		playMp4();
	}
	const destroy = () => {
		box.dataset.destroyed = 'true';
		if (hls) {
			hls.destroy();
			hls = null;
		}
	};
	// A new page (another hash) ends this player, or hls.js would keep loading segments.
	window.addEventListener('hashchange', destroy, { once: true });
	return {
		element: wrapper,
		started: () => !element.paused || element.currentTime > 0,
		destroy,
	};
}

/**
 * Plays the ladder with hls.js and offers its renditions in a quality menu; a fatal error
 * (after one try to recover the media) ends it and calls onFatal.
 *
 * hls.js runs without a Web Worker (enableWorker: false): the ladder's CMAF segments pass
 * through without transmuxing, so a worker would save nothing, and allowing one from a
 * blob: address would widen the page's Content-Security-Policy (worker-src blob:).
 */
function playWithHls(Hls, video, element, box, bar, onFatal) {
	const hls = new Hls({ enableWorker: false, capLevelToPlayerSize: true });
	const menu = h('select', { id: 'quality', class: 'quality-select', 'aria-label': 'Quality' });
	const auto = h('option', { value: '-1' }, 'Auto');
	let recovered = false;
	box.dataset.source = 'hls';
	hls.on(Hls.Events.MANIFEST_PARSED, () => {
		const rungs = hls.levels.map((level, index) => ({ index, height: level.height }))
			.sort((a, b) => b.height - a.height);
		menu.replaceChildren(auto, ...rungs.map((rung) => h('option', { value: String(rung.index) }, `${rung.height}p`)));
		menu.value = '-1';
		bar.replaceChildren(h('label', { class: 'quality', for: 'quality' }, 'Quality'), menu);
	});
	hls.on(Hls.Events.LEVEL_SWITCHED, (event, data) => {
		const height = hls.levels[data.level] ? hls.levels[data.level].height : null;
		box.dataset.level = String(data.level);
		box.dataset.height = String(height);
		auto.textContent = hls.autoLevelEnabled && height ? `Auto (${height}p)` : 'Auto';
	});
	menu.addEventListener('change', () => {
		// currentLevel switches at once (the buffer of the old rendition is dropped), as
		// a person who picked a quality expects to see it; -1 hands the choice back.
		hls.currentLevel = Number(menu.value);
	});
	hls.on(Hls.Events.ERROR, (event, data) => {
		if (!data.fatal) {
			return;
		}
		if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
			recovered = true;
			hls.recoverMediaError();
			return;
		}
		hls.destroy();
		bar.replaceChildren();
		onFatal();
	});
	hls.loadSource(streamAddress(video.hls));
	hls.attachMedia(element);
	return hls;
}
