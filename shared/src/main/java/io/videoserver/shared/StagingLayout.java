package io.videoserver.shared;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The names of partial uploads in a staging directory,
 * {@code {vid}.{owner}.{random}.part}: stream-service writes them and removes those of
 * dead owners, scheduler-service removes those of deleted videos, so both read the names
 * by this one rule.
 */
public final class StagingLayout {

	public static final String SUFFIX = ".part";

	/** The directory-stream glob that lists the partial uploads. */
	public static final String GLOB = "*" + SUFFIX;

	private static final int VID_LENGTH = 36;

	private static final Pattern OWNED = Pattern.compile("[^.]+\\.([0-9a-f]{32})\\.[0-9a-f]{32}\\.part");

	private StagingLayout() {
	}

	/** A random owner or file id: 32 lower-case hex digits. */
	public static String randomId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** A new partial upload's file name for a video, owned by {@code owner}. */
	public static String partName(String vid, String owner) {
		return vid + "." + owner + "." + randomId() + SUFFIX;
	}

	/**
	 * The owner in a partial upload's file name.
	 * @return the owner; null for a name of another form, such as
	 * {@code {vid}.{random}.part} of older versions
	 */
	public static @Nullable String ownerOf(String fileName) {
		Matcher name = OWNED.matcher(fileName);
		return name.matches() ? name.group(1) : null;
	}

	/**
	 * The video a partial upload belongs to, whatever version named it.
	 * @return the video id, null when the name is no partial upload of a valid video id
	 */
	public static @Nullable String videoOf(String fileName) {
		if (fileName.length() <= VID_LENGTH + 1 + SUFFIX.length() || fileName.charAt(VID_LENGTH) != '.'
				|| !fileName.endsWith(SUFFIX)) {
			return null;
		}
		String vid = fileName.substring(0, VID_LENGTH);
		return VideoIds.isValid(vid) ? vid : null;
	}

}
