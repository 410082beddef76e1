// The embed page (/embed/{vid}), meant for an iframe on another site: the watch page's
// player (player.js: the HLS ladder when published, else the MP4) and nothing else but
// the title, which links to the full watch page. A private, missing or unplayable video
// says so in the frame.

import { h, show } from './dom.js';
import { api } from './api.js';
import { session } from './state.js';
import { videoPlayer } from './player.js';
import { posterUrl } from './views/common.js';

const UNAVAILABLE = 'This video is unavailable';

const root = document.getElementById('embed');

function unavailable(text = UNAVAILABLE) {
	show(root, h('p', { class: 'embed-message', id: 'embed-message', role: 'alert' }, text));
}

async function start() {
	const vid = decodeURIComponent(location.pathname.replace(/^.*\/embed\//, ''));
	if (!/^[0-9a-f-]{36}$/.test(vid)) {
		unavailable();
		return;
	}
	let video;
	try {
		const [config, found] = await Promise.all([api.config(), api.video(vid)]);
		session.streamUrl = config.stream_url;
		video = found;
	}
	catch (error) {
		// 404 is a missing or private video; anything else is said as it is.
		unavailable(error.status === 404 ? UNAVAILABLE : error.message);
		return;
	}
	if (!video.hls && !video.playable) {
		unavailable('This video is not available yet.');
		return;
	}
	document.title = `${video.name} · Video Server`;
	const player = videoPlayer(video, posterUrl(video));
	const watch = `${location.origin}/#/watch/${encodeURIComponent(video.id)}`;
	show(root, player.element,
		h('a', { class: 'embed-title', href: watch, target: '_blank', rel: 'noopener' }, video.name));
}

start();
