// How times and sizes read on the page.

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const STEPS = [
	['year', 365 * 24 * 3600],
	['month', 30 * 24 * 3600],
	['week', 7 * 24 * 3600],
	['day', 24 * 3600],
	['hour', 3600],
	['minute', 60],
];

export function ago(iso) {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) {
		return '';
	}
	const seconds = (date.getTime() - Date.now()) / 1000;
	for (const [unit, size] of STEPS) {
		if (Math.abs(seconds) >= size) {
			return relative.format(Math.round(seconds / size), unit);
		}
	}
	return 'just now';
}

export function fullDate(iso) {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? '' : date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

export function bytes(count) {
	if (count === null || count === undefined) {
		return '';
	}
	const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
	let value = count;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

// 75500 -> "1:15", 3725000 -> "1:02:05".
export function duration(ms) {
	const total = Math.round(ms / 1000);
	const seconds = String(total % 60).padStart(2, '0');
	const minutes = Math.floor(total / 60) % 60;
	const hours = Math.floor(total / 3600);
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

// 1 -> "1 view", 1234 -> "1.2K views", 2500000 -> "2.5M views".
export function views(count) {
	const n = Number(count) || 0;
	return `${compact.format(n)} ${n === 1 ? 'view' : 'views'}`;
}

/** "music, Live  Set" -> ["music", "live set"]: the server normalises the same way. */
export function parseTags(text) {
	const tags = [];
	for (const part of text.split(',')) {
		const tag = part.trim().toLowerCase().replace(/\s+/g, ' ');
		if (tag && !tags.includes(tag)) {
			tags.push(tag);
		}
	}
	return tags;
}

export const PRIVACY_LABELS = { public: 'Public', unlisted: 'Unlisted', private: 'Private' };
