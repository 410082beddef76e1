package io.videoserver.api.video;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an owner writes about a video, validated and normalised, with the search text made
 * from it.
 *
 * @param name the title
 * @param description the description, or null for none
 * @param tags the normalised tags
 * @param privacy {@code public}, {@code unlisted} or {@code private}
 */
record VideoFields(String name, @Nullable String description, List<String> tags, String privacy) {

	static final String PRIVACY_PATTERN = "public|unlisted|private";

	static final String PRIVACY_MESSAGE = "privacy must be public, unlisted or private";

	static final String NAME_MESSAGE = "name must be 1-200 characters";

	static final String DESCRIPTION_MESSAGE = "description must be at most 5000 characters";

	/** The words the search index holds for these fields ({@link SearchTokenizer}). */
	String searchText() {
		return SearchTokenizer.searchText(this.name, (this.description != null) ? this.description : "",
				String.join(" ", this.tags));
	}

	/**
	 * These fields with a request's changes applied: what it leaves out stays, an empty
	 * description removes the description.
	 */
	VideoFields with(PatchVideoRequest patch) {
		String description = (patch.description() != null)
				? (patch.description().isEmpty() ? null : patch.description()) : this.description;
		return new VideoFields((patch.name() != null) ? patch.name() : this.name, description,
				(patch.tags() != null) ? Tags.normalise(patch.tags()) : this.tags,
				(patch.privacy() != null) ? patch.privacy() : this.privacy);
	}

	static VideoFields of(Video video) {
		return new VideoFields(video.name(), video.description(), video.tags(), video.privacy());
	}

}
