package io.videoserver.api.video;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /user/{user_name}/videos}; the original's clients may send
 * {@code author_id}, which must then be the session's user.
 *
 * @param name the title
 * @param authorId optional, checked against the session
 * @param description optional, at most 5000 characters
 * @param tags optional, at most 10, normalised by {@link Tags}
 * @param privacy optional, {@code public} when absent
 */
record CreateVideoRequest(
		@Nullable @NotBlank(message = VideoFields.NAME_MESSAGE) @Size(max = 200,
				message = VideoFields.NAME_MESSAGE) String name,
		@Nullable Long authorId,
		@Nullable @Size(max = 5000, message = VideoFields.DESCRIPTION_MESSAGE) String description,
		@Nullable List<@Nullable String> tags, @Nullable @Pattern(regexp = VideoFields.PRIVACY_PATTERN,
				message = VideoFields.PRIVACY_MESSAGE) String privacy) {

	VideoFields fields() {
		String title = (this.name != null) ? this.name : "";
		String text = (this.description == null || this.description.isEmpty()) ? null : this.description;
		return new VideoFields(title, text, (this.tags != null) ? Tags.normalise(this.tags) : List.of(),
				(this.privacy != null) ? this.privacy : Video.PUBLIC);
	}

}
