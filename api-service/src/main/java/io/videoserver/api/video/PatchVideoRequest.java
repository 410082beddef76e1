package io.videoserver.api.video;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /user/{user_name}/videos/{vid}}: what is absent (or null)
 * stays as it is; an empty {@code description} removes it, an empty {@code tags} removes
 * them all.
 *
 * @param name a new title
 * @param description a new description, at most 5000 characters
 * @param tags the new tags, at most 10, normalised by {@link Tags}
 * @param privacy {@code public}, {@code unlisted} or {@code private}
 */
record PatchVideoRequest(
		// @NotBlank would refuse a request that leaves the name out.
		@Nullable @Pattern(regexp = "(?s).*\\S.*", message = VideoFields.NAME_MESSAGE) @Size(max = 200,
				message = VideoFields.NAME_MESSAGE) String name,
		@Nullable @Size(max = 5000, message = VideoFields.DESCRIPTION_MESSAGE) String description,
		@Nullable List<@Nullable String> tags, @Nullable @Pattern(regexp = VideoFields.PRIVACY_PATTERN,
				message = VideoFields.PRIVACY_MESSAGE) String privacy) {
}
