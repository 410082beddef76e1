// A video's description, tags and privacy: the fields of the upload panel and of the
// owner's edit form on the watch page (PATCH /user/{name}/videos/{vid}). The limits are
// the server's (docs/api-additions.md); checked here first so a person sees them at once,
// and the server's own refusal is shown when it says otherwise.

import { h, notice, show, toast } from '../dom.js';
import { api } from '../api.js';
import { parseTags } from '../format.js';
import { session, sessionExpired } from '../state.js';

export const LIMITS = { description: 5000, tags: 10, tagLength: 32, title: 200 };

const PRIVACY_HINTS = {
	public: 'Public: listed, found by search, anyone can watch.',
	unlisted: 'Unlisted: in no list or search; anyone with the link can watch.',
	private: 'Private: only you can watch it.',
};

/**
 * The description, tags and privacy fields.
 * @param prefix the fields' id prefix ('video' in the upload panel, 'edit' in the edit form)
 * @param video the video whose values the fields start with, or null
 * @return {element, values(), problem()}: problem() is [field, sentence] or null
 */
export function detailFields(prefix, video) {
	const description = h('textarea', {
		id: `${prefix}-description`, name: 'description', rows: '3', maxlength: String(LIMITS.description),
		'aria-describedby': `${prefix}-description-hint`,
	});
	description.value = video && video.description ? video.description : '';
	const tags = h('input', {
		id: `${prefix}-tags`, name: 'tags', type: 'text', autocomplete: 'off', placeholder: 'music, live, guitar',
		'aria-describedby': `${prefix}-tags-hint`,
	});
	tags.value = video && video.tags ? video.tags.join(', ') : '';
	const privacy = h('select', { id: `${prefix}-privacy`, name: 'privacy', 'aria-describedby': `${prefix}-privacy-hint` },
		...Object.keys(PRIVACY_HINTS).map((key) => h('option', { value: key }, key.charAt(0).toUpperCase() + key.slice(1))));
	privacy.value = video && video.privacy ? video.privacy : 'public';
	const privacyHint = h('p', { class: 'hint', id: `${prefix}-privacy-hint` }, PRIVACY_HINTS[privacy.value]);
	privacy.addEventListener('change', () => {
		privacyHint.textContent = PRIVACY_HINTS[privacy.value];
	});
	const element = h('div', { class: 'detail-fields' },
		h('div', { class: 'field' },
			h('label', { for: `${prefix}-description` }, 'Description ', h('span', { class: 'optional' }, '(optional)')),
			description,
			h('p', { class: 'hint', id: `${prefix}-description-hint` }, `Up to ${LIMITS.description} characters, shown as plain text.`)),
		h('div', { class: 'field' },
			h('label', { for: `${prefix}-tags` }, 'Tags ', h('span', { class: 'optional' }, '(optional)')),
			tags,
			h('p', { class: 'hint', id: `${prefix}-tags-hint` }, `Separated by commas; up to ${LIMITS.tags} tags of ${LIMITS.tagLength} characters.`)),
		h('div', { class: 'field' },
			h('label', { for: `${prefix}-privacy` }, 'Privacy'),
			privacy,
			privacyHint));
	return {
		element,
		values: () => ({ description: description.value.trim(), tags: parseTags(tags.value), privacy: privacy.value }),
		problem: () => {
			const list = parseTags(tags.value);
			if (description.value.trim().length > LIMITS.description) {
				return [description, `The description may have at most ${LIMITS.description} characters.`];
			}
			if (list.length > LIMITS.tags) {
				return [tags, `A video may have at most ${LIMITS.tags} tags; this has ${list.length}.`];
			}
			const long = list.find((tag) => tag.length > LIMITS.tagLength);
			return long ? [tags, `The tag “${long}” is longer than ${LIMITS.tagLength} characters.`] : null;
		},
	};
}

/**
 * The owner's edit form: title, description, tags and privacy, saved with PATCH; the
 * server's refusal (400 with the field and its limit, 401, 403, 404) is shown in the form.
 * @param onSaved called with the video's new JSON
 */
export function editForm(video, onSaved) {
	const title = h('input', { id: 'edit-title', name: 'name', type: 'text', required: true, maxlength: String(LIMITS.title) });
	title.value = video.name;
	const fields = detailFields('edit', video);
	const message = h('div', { class: 'form-message', id: 'edit-message' });
	const save = h('button', { class: 'btn btn-primary', type: 'submit', id: 'edit-save' }, 'Save');
	const form = h('form', { class: 'edit-form', id: 'edit-form', novalidate: true },
		h('div', { class: 'field' }, h('label', { for: 'edit-title' }, 'Title'), title),
		fields.element,
		message,
		h('div', { class: 'form-actions' }, save));
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const problem = !title.value.trim() ? [title, 'Please give the video a title.'] : fields.problem();
		if (problem) {
			show(message, notice('error', problem[1]));
			problem[0].focus();
			return;
		}
		save.disabled = true;
		show(message);
		try {
			const saved = await api.updateVideo(session.me.user_name, video.id, { name: title.value.trim(), ...fields.values() });
			toast('Your changes are saved.', 'success');
			onSaved(saved);
		}
		catch (error) {
			if (error.status === 401) {
				sessionExpired();
				return;
			}
			show(message, notice('error', error.message));
		}
		finally {
			save.disabled = false;
		}
	});
	return h('details', { class: 'panel edit-panel', id: 'edit-panel' },
		h('summary', { id: 'edit-open' }, 'Edit details'), form);
}
