package io.videoserver.api.video;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for a video's tags, so that "Cats", " cats " and "CATS" are one tag in the
 * database, in a tag list's address and in the search index.
 */
final class Tags {

	static final int MAX_TAGS = 10;

	static final int MAX_LENGTH = 32;

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

	private Tags() {
	}

	/**
	 * Normalises a request's tags: each trimmed, lower-cased, inner whitespace collapsed
	 * to one space; duplicates dropped, first occurrence kept.
	 * @param tags the tags as sent
	 * @return the normalised tags, in the order sent
	 * @throws ApiException 400/001 naming the limit a tag or the list broke
	 */
	static List<String> normalise(List<@Nullable String> tags) {
		if (tags.size() > MAX_TAGS) {
			throw invalid("tags must be at most " + MAX_TAGS);
		}
		Set<String> normalised = new LinkedHashSet<>();
		for (String tag : tags) {
			normalised.add(normalise(tag));
		}
		return new ArrayList<>(normalised);
	}

	/**
	 * Normalises one tag, as a tag list's {@code tag} parameter too.
	 * @param tag the tag as sent
	 * @return the tag in its stored form
	 * @throws ApiException 400/001 when it is missing, blank or too long
	 */
	static String normalise(@Nullable String tag) {
		String normalised = (tag != null) ? WHITESPACE.matcher(tag.strip()).replaceAll(" ").toLowerCase(Locale.ROOT)
				: "";
		int length = normalised.codePointCount(0, normalised.length());
		if (length < 1 || length > MAX_LENGTH || normalised.chars().anyMatch(Character::isISOControl)) {
			throw invalid(
					"each tag must be 1-" + MAX_LENGTH + " characters (after trimming), without control characters");
		}
		return normalised;
	}

	private static ApiException invalid(String message) {
		return new ApiException(ErrorCode.BAD_REQUEST, message);
	}

}
